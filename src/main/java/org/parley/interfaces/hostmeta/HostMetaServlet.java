package org.parley.interfaces.hostmeta;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.config.ParleyConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /.well-known/host-meta} (XRD) and {@code /.well-known/host-meta.json} (JRD), XEP-0156. The URLs
 * come from {@code parley.public.url} when set (behind a proxy), else from the request. Readable from any
 * origin (CORS {@code *}): the files are public and fetched without credentials.
 */
@WebServlet(urlPatterns = {"/.well-known/host-meta", "/.well-known/host-meta.json"})
public class HostMetaServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HostMeta meta = meta(req);
        boolean json = req.getServletPath().endsWith(".json");
        cors(resp);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setContentType(json ? "application/json" : "application/xrd+xml");
        resp.getWriter().write(json ? meta.jrd() : meta.xrd());
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        cors(resp);
        resp.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void cors(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
    }

    private static HostMeta meta(HttpServletRequest req) {
        String publicUrl = ParleyConfig.get("public.url", null);
        if (publicUrl != null) {
            return HostMeta.forBase(publicUrl);
        }
        String name = req.getServerName();
        if (name.contains(":") && !name.startsWith("[")) {
            name = "[" + name + "]"; // IPv6 literal
        }
        return HostMeta.forRequest(req.isSecure(), req.getHeader("Host"), name + ":" + req.getServerPort());
    }
}
