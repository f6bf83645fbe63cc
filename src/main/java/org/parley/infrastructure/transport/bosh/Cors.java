package org.parley.infrastructure.transport.bosh;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for web clients served from other origins ({@code parley.bosh.cors.origins}): a
 * comma-separated list of origins such as {@code https://chat.example.org}, or {@code *} (the default).
 */
final class Cors {
    private final Set<String> allowed; // null: any origin

    private Cors(Set<String> allowed) {
        this.allowed = allowed;
    }

    static Cors parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equals("*")) {
            return new Cors(null);
        }
        return new Cors(Arrays.stream(setting.split(",")).map(Cors::normalise).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Adds the CORS headers to a preflight or POST response if the page's origin may use the endpoint. */
    void apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (allowed == null) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else {
            response.addHeader("Vary", "Origin");
            if (origin == null || !allowed.contains(normalise(origin))) {
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin.trim());
        }
        response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type");
        response.setHeader("Access-Control-Max-Age", "86400");
    }

    private static String normalise(String origin) {
        String s = origin.trim().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
