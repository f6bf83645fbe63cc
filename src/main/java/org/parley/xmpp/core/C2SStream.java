package org.parley.xmpp.core;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client-to-server stream (RFC 6120): header, STARTTLS, SASL, resource binding, then stanzas to the
 * router. Transport-free: TCP, BOSH and WebSocket feed it through the same methods. All input is
 * processed in order on a {@link SerialExecutor}, never on a network thread. The stream keeps the states;
 * {@link StreamFeatures}, {@link SaslExchange} and {@link ResourceBinding} say what is offered and run the
 * SASL and bind steps.
 */
public final class C2SStream {
    private static final Logger LOG = Logger.getLogger(C2SStream.class.getName());
    static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND_NS = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION_NS = "urn:ietf:params:xml:ns:xmpp-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { AWAIT_HEADER, OPEN, AUTHENTICATED, BOUND, CLOSED }

    private final XmppServer server;
    private final Connection connection;
    private final SerialExecutor executor;
    private volatile State state = State.AWAIT_HEADER;
    private String domain;
    private String lang = "en";
    /** Whether our header of the current stream was written (false again after each restart: STARTTLS, SASL). */
    private boolean headerSent;
    private boolean authenticated;
    private String username;
    private final SaslExchange sasl;
    private final ResourceBinding binding;
    private volatile ClientSession session;
    private volatile long lastActivity = System.nanoTime();

    public C2SStream(XmppServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
        this.executor = new SerialExecutor(server.workers());
        this.sasl = new SaslExchange(server, connection, this);
        this.binding = new ResourceBinding(server, connection, this);
        server.streams().add(this);
    }

    public Connection connection() {
        return connection;
    }

    public ClientSession session() {
        return session;
    }

    long lastActivity() {
        return lastActivity;
    }

    // ---- input from the transport (any thread; queued in order) ----

    /** The stream header (TCP) or open element (WebSocket) or session request (BOSH), already checked by the transport. */
    public void opened(String to, String version, String xmlLang) {
        executor.execute(() -> handleOpen(to, version, xmlLang));
    }

    public void element(Element element) {
        lastActivity = System.nanoTime();
        executor.execute(() -> handleElement(element));
    }

    /** The peer closed its stream (or the transport's close element). */
    public void closedByPeer() {
        executor.execute(() -> {
            if (state != State.CLOSED) {
                connection.closeStream();
                end();
            }
        });
    }

    /** The transport is gone (socket closed, BOSH inactivity). */
    public void transportClosed() {
        executor.execute(this::end);
    }

    /** The transport found a stream-level error (bad XML, oversized stanza, bad namespace). */
    public void streamError(String condition, String text) {
        executor.execute(() -> fail(condition, text));
    }

    /** Ends the stream from the server side (kick, shutdown, conflict). */
    public void kick(String condition, String text) {
        executor.execute(() -> fail(condition, text));
    }

    /** Runs a task in this stream's order (e.g. a reply computed elsewhere). */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    // ---- processing ----

    private void handleOpen(String to, String version, String xmlLang) {
        if (state == State.CLOSED) {
            return;
        }
        if (xmlLang != null && !xmlLang.isBlank()) {
            lang = xmlLang;
        }
        if (to == null || !server.hosts().isLocal(to.toLowerCase())) {
            domain = server.hosts().domains().stream().findFirst().orElse("localhost");
            openStream();
            fail("host-unknown", null);
            return;
        }
        if (domain != null && !domain.equals(to.toLowerCase())) {
            openStream();
            fail("host-unknown", "the stream restart named another host");
            return;
        }
        domain = to.toLowerCase();
        openStream();
        if (version == null || !version.startsWith("1.")) {
            fail("unsupported-version", "XMPP 1.0 is required");
            return;
        }
        state = authenticated ? State.AUTHENTICATED : State.OPEN;
        connection.send(StreamFeatures.offered(server, connection, domain, authenticated, sasl));
    }

    private void handleElement(Element element) {
        try {
            switch (state) {
                case AWAIT_HEADER -> fail("not-well-formed", "stream header expected");
                case OPEN -> beforeAuth(element);
                case AUTHENTICATED -> binding.handle(element, username, domain);
                case BOUND -> stanza(element);
                case CLOSED -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stream " + (session != null ? session.jid() : connection.remoteAddress()) + " failed", e);
            fail("internal-server-error", null);
        }
    }

    private void beforeAuth(Element element) {
        String ns = element.getNamespaceURI();
        String name = element.getName();
        HostSettings settings = server.hosts().settings(domain);
        if (TLS_NS.equals(ns) && "starttls".equals(name)) {
            if (connection.isSecure() || !connection.tlsAvailable()
                    || settings.get(StreamSettings.TLS_MODE) == HostSettings.TlsMode.DISABLED) {
                connection.send(DocumentHelper.createElement(QName.get("failure", TLS_NS)));
                connection.closeStream();
                end();
                return;
            }
            state = State.AWAIT_HEADER;
            headerSent = false;
            connection.startTls(DocumentHelper.createElement(QName.get("proceed", TLS_NS)));
            return;
        }
        if (SASL_NS.equals(ns)) {
            if (settings.get(StreamSettings.TLS_MODE) == HostSettings.TlsMode.REQUIRED && !connection.isSecure()) {
                sasl.failure("encryption-required", null);
                return;
            }
            sasl.handle(element, domain);
            return;
        }
        if ("iq".equals(name) && Stanzas.CLIENT_NS.equals(ns)) {
            if (settings.get(StreamSettings.TLS_MODE) == HostSettings.TlsMode.REQUIRED && !connection.isSecure()) {
                // e.g. in-band registration would send a password in the clear
                fail("policy-violation", "STARTTLS is required first");
                return;
            }
            if (answeredMalformedIq(element, null)) {
                return;
            }
            IQ iq = new IQ(element, true);
            IQ reply = server.router().preAuthIq(iq, domain, connection);
            if (reply != null) {
                connection.send(reply.getElement());
                return;
            }
        }
        fail("not-authorized", "authenticate first");
    }

    /** SASL succeeded: the client restarts the stream, then binds a resource. */
    void authenticated(String username) {
        authenticated = true;
        this.username = username;
        state = State.AWAIT_HEADER;
        headerSent = false;
    }

    /** The resource is bound: stanzas from now on. */
    void bound(ClientSession s) {
        session = s;
        state = State.BOUND;
    }

    private void stanza(Element element) {
        if (answeredMalformedIq(element, session.jid())) {
            return;
        }
        Packet packet = Stanzas.wrap(element);
        if (packet == null) {
            String ns = element.getNamespaceURI();
            if (SESSION_NS.equals(ns)) {
                return;
            }
            if (ns.isEmpty()) {
                // xmlns='' takes the element out of the stream's content namespace: it declares a content
                // namespace other than jabber:client, which RFC 6120 §4.9.3.10 answers with invalid-namespace
                // (as the WebSocket transport does for a stanza without xmlns). §4.9.3.22
                // unsupported-stanza-type is for first-level children of a namespace the server does not
                // understand (its example: <pubsub xmlns='http://jabber.org/protocol/pubsub'/>).
                fail("invalid-namespace", "stanzas must be qualified by jabber:client");
                return;
            }
            fail("unsupported-stanza-type", "<" + element.getName() + "/> is not a stanza here");
            return;
        }
        JID from = packet.getFrom();
        JID me = session.jid();
        if (from != null && !(from.equals(me) || (from.getResource() == null && from.equals(me.asBareJID())))) {
            fail("invalid-from", null);
            return;
        }
        packet.setFrom(me);
        if (packet instanceof IQ iq && iq.getChildElement() != null && iq.getType() == IQ.Type.set
                && SESSION_NS.equals(iq.getChildElement().getNamespaceURI())) {
            session.send(IQ.createResultIQ(iq));
            return;
        }
        server.router().fromSession(packet, session);
    }

    /**
     * A jabber:client IQ of the wrong shape (RFC 6120 §8.2.3) is answered here with bad-request, or dropped when
     * it is a response, so that no handler, hook or other entity ever sees it; true if it was.
     */
    boolean answeredMalformedIq(Element element, JID to) {
        if (!"iq".equals(element.getName()) || !Stanzas.CLIENT_NS.equals(element.getNamespaceURI())) {
            return false;
        }
        switch (IqShape.check(element)) {
            case OK -> {
                return false;
            }
            case BAD_REQUEST -> {
                IQ error = IqShape.badRequest(element);
                error.setTo(to);
                connection.send(error.getElement());
            }
            case DROP -> LOG.fine(() -> "malformed IQ response dropped: " + element.asXML());
        }
        return true;
    }

    /**
     * Stream error and end. RFC 6120 §4.9.1.1: an error in (or before) a stream header is still answered with our
     * opening header first, also for the header of a restarted stream (after STARTTLS or SASL), so that the peer
     * can parse the error; over WebSocket that header is the {@code <open/>} (RFC 7395 §3.6.3), BOSH has none.
     */
    void fail(String condition, String text) {
        if (state == State.CLOSED) {
            return;
        }
        if (!headerSent) {
            if (domain == null) {
                domain = server.hosts().domains().stream().findFirst().orElse("localhost");
            }
            openStream();
        }
        connection.streamError(condition, text);
        end();
    }

    private void openStream() {
        headerSent = true;
        connection.openStream(newId(), domain, lang);
    }

    private void end() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        server.streams().remove(this);
        ClientSession s = session;
        if (s != null) {
            server.sessionManager().unbind(s);
        }
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
