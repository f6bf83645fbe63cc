package org.parley.infrastructure.transport.websocket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may open a WebSocket ({@code parley.websocket.origins}): a comma-separated list of
 * origins such as {@code https://chat.example.org}, or {@code *} (the default) for any. Requests without
 * an Origin header (non-browser clients) are always allowed: the check only protects browser users
 * against foreign pages.
 */
final class OriginPolicy {
    private final Set<String> allowed; // null: any

    private OriginPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    static OriginPolicy parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equals("*")) {
            return new OriginPolicy(null);
        }
        return new OriginPolicy(Arrays.stream(setting.split(","))
                .map(OriginPolicy::normalise).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    boolean allows(String origin) {
        if (allowed == null || origin == null || origin.isBlank()) {
            return true;
        }
        return allowed.contains(normalise(origin));
    }

    private static String normalise(String origin) {
        String s = origin.trim().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
