package org.parley.interfaces.widgets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.config.AllowedOrigins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Cross-origin policy of the widgets (files under {@code /widgets/}, data under {@code /api/v1/widgets/}),
 * from {@code parley.web.origins}, the allow-list of all of Parley's web endpoints: a request whose Origin
 * is not listed gets 403 and no {@code Access-Control-Allow-Origin}; listed origins get CORS headers. Requests
 * without Origin (classic script tags, iframe navigations, servers) pass; the widget pages may only be framed
 * by listed origins ({@code frame-ancestors}).
 */
@WebFilter(urlPatterns = {"/widgets/*", "/api/v1/widgets/*"})
public class WidgetOriginFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient AllowedOrigins origins = AllowedOrigins.setting("web.origins");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String origin = req.getHeader("Origin");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.addHeader("Vary", "Origin");
        if (origin != null && !origins.allows(origin) && !sameOrigin(req, origin)) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            resp.setContentType("application/json");
            resp.getOutputStream().write("{\"error\":\"this origin may not use Parley's widgets\",\"field\":\"Origin\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (origin != null) {
            resp.setHeader("Access-Control-Allow-Origin", origins.any() ? "*" : origin.trim());
        }
        if (req.getRequestURI().endsWith(".html")) {
            resp.setHeader("Content-Security-Policy", "frame-ancestors 'self' " + origins.frameAncestors());
        }
        if ("OPTIONS".equals(req.getMethod())) {
            resp.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
            resp.setHeader("Access-Control-Allow-Headers", "Content-Type");
            resp.setHeader("Access-Control-Max-Age", "86400");
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(req, resp);
    }

    /** Parley's own pages (e.g. /widgets/sample.html) may always use the widgets. */
    private static boolean sameOrigin(HttpServletRequest req, String origin) {
        String host = req.getHeader("Host");
        return host != null && origin.trim().equalsIgnoreCase(req.getScheme() + "://" + host);
    }
}
