package org.parley.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages (origins such as {@code https://www.example.org}) may use Parley's web endpoints from a
 * browser: a comma-separated list, or {@code *} for any. One setting, {@code parley.web.origins}, covers
 * BOSH, WebSocket and the widgets; {@code parley.bosh.cors.origins} and {@code parley.websocket.origins}
 * override it for their transport.
 */
public final class AllowedOrigins {
    private final Set<String> allowed; // null: any origin

    private AllowedOrigins(Set<String> allowed) {
        this.allowed = allowed;
    }

    public static AllowedOrigins parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equals("*")) {
            return new AllowedOrigins(null);
        }
        return new AllowedOrigins(Arrays.stream(setting.split(",")).map(AllowedOrigins::normalise)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /** The list of {@code parley.<key>}, falling back to {@code parley.web.origins} (default {@code *}). */
    public static AllowedOrigins setting(String key) {
        return parse(ParleyConfig.get(key, ParleyConfig.get("web.origins", "*")));
    }

    /** Whether every origin is allowed ({@code *}). */
    public boolean any() {
        return allowed == null;
    }

    /**
     * Whether a request with this Origin header may go on. Requests without one (non-browser clients, and
     * browsers' same-origin GETs and classic script tags) are always allowed: the list only protects browser
     * users against foreign pages.
     */
    public boolean allows(String origin) {
        return origin == null || origin.isBlank() || listed(origin);
    }

    /** Whether this origin is on the list (any origin when the list is {@code *}). */
    public boolean listed(String origin) {
        return allowed == null || (origin != null && allowed.contains(normalise(origin)));
    }

    /** The list for a {@code Content-Security-Policy: frame-ancestors} directive. */
    public String frameAncestors() {
        return allowed == null ? "*" : String.join(" ", allowed);
    }

    private static String normalise(String origin) {
        String s = origin.trim().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
