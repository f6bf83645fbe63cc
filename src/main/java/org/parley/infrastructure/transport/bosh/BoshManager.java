package org.parley.infrastructure.transport.bosh;

import org.parley.infrastructure.transport.Redirects;
import org.parley.xmpp.core.C2SStream;
import org.parley.xmpp.core.StanzaLimit;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.spi.Scheduler;
import org.parley.xmpp.stream.RootElement;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The BOSH connection manager: creates sessions, finds them by sid and hands them their requests. Plain Java
 * (the servlet and the tests drive it); every session's stream is an ordinary {@link C2SStream}.
 */
public final class BoshManager {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final XmppServer server;
    private final BoshSettings settings;
    private final Scheduler timers;
    private final Map<String, BoshSession> sessions = new ConcurrentHashMap<>();

    public BoshManager(XmppServer server, BoshSettings settings, Scheduler timers) {
        this.server = server;
        this.settings = settings;
        this.timers = timers;
    }

    BoshSettings settings() {
        return settings;
    }

    Scheduler timers() {
        return timers;
    }

    Executor workers() {
        return server.workers();
    }

    /** Live sessions (terminated ones that still hold an undelivered terminal body do not count). */
    public int liveSessions() {
        int n = 0;
        for (BoshSession s : sessions.values()) {
            if (!s.isTerminated()) {
                n++;
            }
        }
        return n;
    }

    /** Ends every session with system-shutdown. */
    public void shutdown() {
        for (BoshSession s : sessions.values()) {
            s.shutdown();
        }
        sessions.clear();
    }

    void handle(BoshRequest request, Exchange exchange, boolean secure, String remoteAddress) {
        String sid = request.sid();
        Long rid = request.rid();
        if (sid == null) {
            create(request, rid, exchange, secure, remoteAddress);
            return;
        }
        BoshSession session = sessions.get(sid);
        if (session == null) {
            noSession(exchange, BoshSession.ITEM_NOT_FOUND);
        } else if (rid == null) {
            session.reject("bad-request", exchange);
        } else {
            session.handle(request, rid, exchange);
        }
    }

    /**
     * The stanza limit for a request body: that of the domain of the session it names (sid), or of the domain a
     * session request is addressed to ('to').
     */
    IntSupplier stanzaLimit(RootElement root) {
        String sid = root.attribute("sid");
        BoshSession session = sid == null ? null : sessions.get(sid.trim());
        return StanzaLimit.of(server.hosts(), session != null ? session.domain : root.attribute("to"));
    }

    /** A body that is not acceptable ({@code condition}); {@code root} is its start tag if that was readable. */
    void reject(RootElement root, String condition, Exchange exchange) {
        String sid = root == null ? null : root.attribute("sid");
        BoshSession session = sid == null ? null : sessions.get(sid.trim());
        if (session != null) {
            session.reject(condition, exchange);
        } else {
            noSession(exchange, condition);
        }
    }

    private void create(BoshRequest request, Long rid, Exchange exchange, boolean secure, String remoteAddress) {
        boolean legacy = request.attribute("ver") == null;
        String redirect = Redirects.bosh();
        if (redirect != null) { // the node is drained: new sessions go elsewhere
            exchange.respond(200, Negotiated.DEFAULT_CONTENT_TYPE, ResponseBodies.seeOtherUri(redirect));
            return;
        }
        if (rid == null) {
            refuse(exchange, "bad-request", legacy);
            return;
        }
        String to = request.to();
        if (to == null) {
            refuse(exchange, "improper-addressing", legacy);
            return;
        }
        String domain = to.toLowerCase(Locale.ROOT);
        if (!server.hosts().isLocal(domain)) {
            refuse(exchange, "host-unknown", legacy);
            return;
        }
        String sid = newSid();
        BoshSession session = new BoshSession(sid, Negotiated.of(request, settings), this, rid, domain);
        session.attach(new C2SStream(server, new BoshConnection(session, secure, remoteAddress)));
        sessions.put(sid, session);
        session.handle(request, rid, exchange);
    }

    void ended(BoshSession session) {
        sessions.remove(session.sid, session);
    }

    /** No session to end: a terminal body, with the matching HTTP error code (§17.1) for any client. */
    private static void noSession(Exchange exchange, String condition) {
        refuse(exchange, condition, true);
    }

    private static void refuse(Exchange exchange, String condition, boolean legacy) {
        exchange.respond(legacy ? ResponseBodies.legacyStatus(condition) : 200, Negotiated.DEFAULT_CONTENT_TYPE,
                ResponseBodies.terminate(condition, List.of()));
    }

    private static String newSid() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
