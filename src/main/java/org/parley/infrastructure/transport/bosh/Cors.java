package org.parley.infrastructure.transport.bosh;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.config.AllowedOrigins;

/**
 * Cross-origin access for web clients served from other origins ({@code parley.bosh.cors.origins}, else
 * {@code parley.web.origins}): a comma-separated list of origins such as {@code https://chat.example.org},
 * or {@code *} (the default).
 */
final class Cors {
    private final AllowedOrigins allowed;

    private Cors(AllowedOrigins allowed) {
        this.allowed = allowed;
    }

    static Cors parse(String setting) {
        return new Cors(AllowedOrigins.parse(setting));
    }

    /** Adds the CORS headers to a preflight or POST response if the page's origin may use the endpoint. */
    void apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (allowed.any()) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else {
            response.addHeader("Vary", "Origin");
            if (!allowed.listed(origin)) {
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin.trim());
        }
        response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type");
        response.setHeader("Access-Control-Max-Age", "86400");
    }
}
