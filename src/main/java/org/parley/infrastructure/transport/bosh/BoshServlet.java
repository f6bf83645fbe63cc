package org.parley.infrastructure.transport.bosh;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The BOSH endpoint (XEP-0124, XEP-0206) at /http-bind and /bosh. A POST is read, parsed and handed to its
 * session, then suspended (Servlet async) until the session answers it: waiting requests hold no thread. The
 * servlet thread never touches the database (the stream works on its own executor).
 */
@WebServlet(name = "bosh", urlPatterns = {"/http-bind", "/http-bind/", "/bosh", "/bosh/"}, asyncSupported = true)
public class BoshServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BoshServlet.class.getName());
    private static final String NOTE = "<!DOCTYPE html><html><head><title>Parley BOSH</title></head><body>"
            + "<p>This is an XMPP over BOSH endpoint (XEP-0124, XEP-0206): XMPP clients POST"
            + " &lt;body xmlns='http://jabber.org/protocol/httpbind'/&gt; requests here.</p></body></html>";

    @Inject
    transient BoshService bosh;

    private transient Cors cors;

    @Override
    public void init() throws ServletException {
        cors = Cors.parse(bosh.settings().corsOrigins());
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        cors.apply(request, response);
        response.setHeader("Allow", "GET, POST, OPTIONS");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cors.apply(request, response);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(NOTE);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cors.apply(request, response);
        BoshSettings settings = bosh.settings();
        BoshManager manager = bosh.manager();
        int max = settings.maxBodyBytes();
        InputStream in = request.getInputStream();
        byte[] data = in.readNBytes(max + 1);
        boolean oversized = data.length > max;
        if (oversized) {
            // read to the end (the container caps it) so that the client gets the answer, not a reset
            in.transferTo(OutputStream.nullOutputStream());
        }
        AsyncContext async = request.startAsync();
        Exchange exchange = new AsyncExchange(async, (settings.waitMax() + 30) * 1000L);
        try {
            if (oversized) { // only the start tag is read, to find the session it belongs to
                manager.reject(BodyParser.rootOf(data, data.length, settings.maxStanzaBytes()),
                        BoshSession.POLICY_VIOLATION, exchange);
                return;
            }
            BoshRequest parsed;
            try {
                parsed = BodyParser.parse(data, data.length, settings.maxStanzaBytes(), manager::stanzaLimit);
            } catch (BodyParser.BadBody e) {
                LOG.fine(() -> "BOSH request refused: " + e.getMessage());
                manager.reject(e.root, e.condition, exchange);
                return;
            }
            manager.handle(parsed, exchange, request.isSecure() || settings.assumeSecure(),
                    request.getRemoteAddr());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "BOSH request failed", e);
            exchange.respond(200, Negotiated.DEFAULT_CONTENT_TYPE,
                    ResponseBodies.terminate("internal-server-error", List.of()));
        }
    }
}
