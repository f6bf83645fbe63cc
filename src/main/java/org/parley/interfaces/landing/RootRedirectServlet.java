package org.parley.interfaces.landing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The context root ({@code ""} maps exactly {@code /}) sends visitors to the landing page, which links the
 * chat, the console, the widgets, the API description and the XEP-0156 discovery files. The location is
 * relative, so it stays right behind a TLS-terminating proxy and under any context root.
 */
@WebServlet(urlPatterns = "")
public class RootRedirectServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String LANDING_PAGE = "welcome.html";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        resp.setStatus(HttpServletResponse.SC_FOUND);
        resp.setHeader("Location", LANDING_PAGE);
        resp.setHeader("Cache-Control", "no-cache");
    }
}
