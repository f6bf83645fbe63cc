package org.parley.interfaces.webchat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers of the web chat's static files under {@code /chat/}. Sites embed the chat with
 * {@code <script src="https://parley.example.org/chat/embed.js">}, which loads converse.js as an ES module,
 * its code chunks, fonts and WebAssembly from this server: browsers fetch all of these in CORS mode, so
 * they must be readable from any origin. They are public and fetched without credentials, hence {@code *}.
 */
@WebFilter(urlPatterns = "/chat/*")
public class ChatAssetsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String path = req.getRequestURI();
        if (path.endsWith(".wasm")) {
            // WebAssembly.instantiateStreaming needs this type; the container does not map .wasm
            resp.setContentType("application/wasm");
        }
        chain.doFilter(req, resp);
    }
}
