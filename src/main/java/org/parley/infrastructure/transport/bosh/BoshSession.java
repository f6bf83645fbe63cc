package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.parley.xmpp.core.C2SStream;
import org.parley.xmpp.core.Connection;
import org.parley.xmpp.core.Stanzas;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One BOSH session (XEP-0124, XEP-0206): the transport of one {@link C2SStream}, like a TCP connection. Requests
 * enter in rid order ({@link RidWindow}); their payloads go to the stream; up to {@code hold} of them wait
 * (without a thread) for what the stream sends, each at most {@code wait} seconds.
 * <p>
 * All state is guarded by {@code this}; responses are written after the lock is released ({@link Replies}).
 * The stream is only ever told things (it queues them on its own executor), so calling it under the lock is
 * safe and keeps the payloads of successive requests in order.
 */
final class BoshSession implements Connection {
    private static final Logger LOG = Logger.getLogger(BoshSession.class.getName());
    static final String ITEM_NOT_FOUND = "item-not-found";
    static final String POLICY_VIOLATION = "policy-violation";

    /** A request that arrived before a lower rid and waits for its turn; the exchange changes on a resend. */
    private static final class Parked {
        final BoshRequest request;
        final long rid;
        Exchange exchange;

        Parked(BoshRequest request, long rid, Exchange exchange) {
            this.request = request;
            this.rid = rid;
            this.exchange = exchange;
        }
    }

    /** A processed request waiting for something to carry back. */
    private static final class Held {
        final long rid;
        final boolean pause;
        Exchange exchange;
        ScheduledFuture<?> timer;

        Held(long rid, boolean pause, Exchange exchange) {
            this.rid = rid;
            this.pause = pause;
            this.exchange = exchange;
        }
    }

    final String sid;
    private final Negotiated params;
    private final BoshManager manager;
    private final long creationRid;
    private final String domain;
    private final boolean secure;
    private final String remoteAddress;
    private final RidWindow<Parked> window;
    private final TreeMap<Long, Held> held = new TreeMap<>();
    private final Outbound outbound;
    private final Timers timers;
    private C2SStream stream;
    private volatile boolean terminated;
    private String streamId;
    private String unsentTerminal;
    private boolean flushScheduled;
    private int pause;
    private long lastEmptyPoll = -1;
    private boolean lastAnswerEmpty;

    BoshSession(String sid, Negotiated params, BoshManager manager, long creationRid, String domain, boolean secure,
                String remoteAddress) {
        this.sid = sid;
        this.params = params;
        this.manager = manager;
        this.creationRid = creationRid;
        this.domain = domain;
        this.secure = secure;
        this.remoteAddress = remoteAddress;
        this.window = new RidWindow<>(creationRid, params.requests());
        this.outbound = new Outbound(manager.settings().maxQueueChars());
        this.timers = new Timers(manager.timers(), this);
    }

    void attach(C2SStream s) {
        this.stream = s;
    }

    Negotiated params() {
        return params;
    }

    boolean isTerminated() {
        return terminated;
    }

    // ---- requests (servlet threads) ----

    void handle(BoshRequest request, long rid, Exchange exchange) {
        Replies r = new Replies();
        synchronized (this) {
            if (terminated) {
                answerEnded(exchange, r);
            } else {
                receive(request, rid, exchange, r);
            }
        }
        r.send(params.contentType());
    }

    /** The request could not be read (bad XML, too large): the session ends with {@code condition}. */
    void reject(String condition, Exchange exchange) {
        Replies r = new Replies();
        synchronized (this) {
            if (terminated) {
                answerEnded(exchange, r);
            } else {
                terminate(condition, null, exchange, r, true);
            }
        }
        r.send(params.contentType());
    }

    private void answerEnded(Exchange exchange, Replies r) {
        if (unsentTerminal != null) {
            r.add(exchange, 200, unsentTerminal);
            unsentTerminal = null;
            manager.ended(this);
        } else {
            r.add(exchange, params.legacy() ? 404 : 200, ResponseBodies.terminate(ITEM_NOT_FOUND, List.of()));
        }
    }

    private void receive(BoshRequest request, long rid, Exchange exchange, Replies r) {
        timers.cancelIdle();
        if (window.seen(rid)) {
            resent(rid, exchange, r);
            settle(r);
            return;
        }
        if (!window.acceptable(rid)) {
            terminate(ITEM_NOT_FOUND, null, exchange, r, true);
            return;
        }
        Parked parked = window.waiting(rid);
        if (parked != null) { // resent before its turn came: the old connection gets a recoverable error
            r.add(parked.exchange, 200, ResponseBodies.RECOVERABLE);
            parked.exchange = exchange;
            return;
        }
        boolean exempt = request.pause() != null || request.isTerminate();
        if (!exempt && held.size() + window.waitingCount() + 1 > params.requests()) {
            LOG.fine(() -> "BOSH session " + sid + ": more than " + params.requests() + " simultaneous requests");
            terminate(POLICY_VIOLATION, null, exchange, r, true);
            return;
        }
        window.add(rid, new Parked(request, rid, exchange));
        advance(r);
    }

    /** §14.3: a request sent again because its response was lost. */
    private void resent(long rid, Exchange exchange, Replies r) {
        String response = window.response(rid);
        if (response != null) {
            r.add(exchange, 200, response);
            return;
        }
        Held h = held.get(rid);
        if (h != null) {
            r.add(h.exchange, 200, ResponseBodies.RECOVERABLE);
            h.exchange = exchange;
            return;
        }
        terminate(ITEM_NOT_FOUND, null, exchange, r, true);
    }

    /** Processes the requests whose turn has come, in rid order. */
    private void advance(Replies r) {
        for (Parked p = window.next(); p != null && !terminated; p = window.next()) {
            process(p, r);
        }
        if (terminated) {
            return;
        }
        if (window.waitingCount() > 0) {
            timers.gapOpened(manager.settings().gapSeconds());
        } else {
            timers.gapClosed();
        }
        settle(r);
    }

    private void process(Parked p, Replies r) {
        BoshRequest request = p.request;
        pause = 0; // the next request after a pause ends it (§12)
        if (p.rid == creationRid) {
            stream.opened(domain, version(request), request.lang());
        } else if (request.isRestart()) {
            // payloads of a restart request are ignored (XEP-0206 §6)
            stream.opened(request.to() == null ? domain : request.to(), version(request), request.lang());
        } else {
            for (Element e : request.payloads()) {
                stream.element(e);
            }
            if (request.isTerminate()) {
                stream.closedByPeer(); // the stream's close answers this request (closeStream)
            }
        }
        if (pollsTooOften(p, r)) {
            return;
        }
        Integer asked = request.pause();
        Held h = new Held(p.rid, asked != null, p.exchange);
        held.put(p.rid, h);
        if (params.waitSeconds() > 0) {
            h.timer = timers.waitFor(() -> expire(h), params.waitSeconds());
        }
        if (asked != null) { // answer everything now; the inactivity allowed until the next request grows
            pause = Math.min(asked, params.maxPause());
            while (!held.isEmpty()) {
                answerOldest(r);
            }
        }
    }

    /** §10: a polling session (hold=0) polled again sooner than 'polling' after an empty exchange. */
    private boolean pollsTooOften(Parked p, Replies r) {
        BoshRequest q = p.request;
        if (params.hold() > 0 || params.polling() == 0) {
            return false;
        }
        boolean emptyPoll = q.payloads().isEmpty() && p.rid != creationRid && !q.isRestart() && !q.isTerminate()
                && q.pause() == null;
        long now = System.nanoTime();
        if (emptyPoll && lastEmptyPoll >= 0 && lastAnswerEmpty
                && now - lastEmptyPoll < TimeUnit.SECONDS.toNanos(params.polling())) {
            terminate(POLICY_VIOLATION, null, p.exchange, r, true);
            return true;
        }
        lastEmptyPoll = emptyPoll ? now : -1;
        return false;
    }

    /** Answers what must be answered now; starts the inactivity clock when nothing is pending. */
    private void settle(Replies r) {
        while (held.size() > params.hold()) {
            answerOldest(r);
        }
        if (!outbound.isEmpty() && !held.isEmpty()) {
            answerOldest(r);
        }
        if (held.isEmpty() && window.waitingCount() == 0) {
            timers.idle(pause > 0 ? pause : params.inactivity());
        }
    }

    private void answerOldest(Replies r) {
        Held h = held.pollFirstEntry().getValue();
        Timers.cancel(h.timer);
        List<String> payloads = h.pause ? List.of() : outbound.take();
        String body = ResponseBodies.body(h.rid == creationRid ? creationAttributes() : "", payloads);
        window.remember(h.rid, body);
        lastAnswerEmpty = payloads.isEmpty();
        r.add(h.exchange, 200, body);
    }

    private CharSequence creationAttributes() {
        StringBuilder sb = new StringBuilder(400);
        ResponseBodies.attribute(sb, "sid", sid);
        ResponseBodies.attribute(sb, "wait", params.waitSeconds());
        ResponseBodies.attribute(sb, "requests", params.requests());
        ResponseBodies.attribute(sb, "hold", params.hold());
        ResponseBodies.attribute(sb, "inactivity", params.inactivity());
        if (params.polling() > 0) { // enforced for polling sessions only (§10)
            ResponseBodies.attribute(sb, "polling", params.polling());
        }
        if (params.maxPause() > 0) {
            ResponseBodies.attribute(sb, "maxpause", params.maxPause());
        }
        ResponseBodies.attribute(sb, "ver", params.ver());
        ResponseBodies.attribute(sb, "from", domain);
        if (streamId != null) {
            ResponseBodies.attribute(sb, "authid", streamId);
        }
        sb.append(" xmpp:version='1.0' xmpp:restartlogic='true' xmlns:xmpp='").append(BoshRequest.XBOSH_NS)
                .append('\'');
        return sb;
    }

    private static String version(BoshRequest request) {
        String v = request.xmppVersion();
        return v == null ? "1.0" : v; // XEP-0206 clients SHOULD send it; older ones speak 1.0 all the same
    }

    // ---- timers ----

    void expire(Held h) {
        Replies r = new Replies();
        synchronized (this) {
            if (terminated || held.get(h.rid) != h) {
                return;
            }
            while (!held.isEmpty() && held.firstKey() <= h.rid) {
                answerOldest(r);
            }
            settle(r);
        }
        r.send(params.contentType());
    }

    /** A lower rid never came (e.g. the browser dropped it while leaving the page): carry on without it. */
    void gapExpired(long generation) {
        Replies r = new Replies();
        synchronized (this) {
            if (terminated || !timers.isCurrentGap(generation) || window.waitingCount() == 0) {
                return;
            }
            LOG.fine(() -> "BOSH session " + sid + ": rids after " + window.last() + " never came");
            timers.gapClosed();
            window.skipGap();
            advance(r);
        }
        r.send(params.contentType());
    }

    /** §12: no request for 'inactivity' seconds: the client is gone; the stream ends like a dropped socket. */
    void idleExpired(long generation) {
        synchronized (this) {
            if (terminated || !timers.isCurrentIdle(generation) || !held.isEmpty() || window.waitingCount() > 0) {
                return;
            }
            terminated = true;
            timers.cancelAll();
            outbound.take();
        }
        manager.ended(this);
        stream.transportClosed();
    }

    void shutdown() {
        Replies r = new Replies();
        synchronized (this) {
            if (!terminated) {
                terminate("system-shutdown", null, null, r, true);
            }
        }
        r.send(params.contentType());
    }

    /**
     * Ends the session: the oldest waiting request carries the terminal body (with any undelivered payloads),
     * the others a short one. Without any waiting request the terminal body waits for the next request.
     */
    private void terminate(String condition, String extra, Exchange trigger, Replies r, boolean endStream) {
        terminated = true;
        timers.cancelAll();
        List<String> payloads = new ArrayList<>(outbound.take());
        if (extra != null) {
            payloads.add(extra);
        }
        String first = ResponseBodies.terminate(condition, payloads);
        String rest = condition == null ? ResponseBodies.EMPTY : ResponseBodies.terminate(condition, List.of());
        List<Exchange> waiting = new ArrayList<>();
        for (Held h : held.values()) {
            Timers.cancel(h.timer);
            waiting.add(h.exchange);
        }
        held.clear();
        for (Parked p : window.drain()) {
            waiting.add(p.exchange);
        }
        if (trigger != null) {
            waiting.add(trigger);
        }
        for (int i = 0; i < waiting.size(); i++) {
            Exchange e = waiting.get(i);
            int status = e == trigger && params.legacy() ? ResponseBodies.legacyStatus(condition) : 200;
            r.add(e, status, i == 0 ? first : rest);
        }
        if (waiting.isEmpty()) {
            unsentTerminal = first;
            timers.forget(params.inactivity());
        } else {
            manager.ended(this);
        }
        if (endStream) {
            r.then(stream::transportClosed);
        }
    }

    /** The terminal body that no request came for in time: the session is forgotten. */
    void forget() {
        synchronized (this) {
            unsentTerminal = null;
        }
        manager.ended(this);
    }

    // ---- Connection: what the stream sends (worker threads) ----

    @Override
    public void openStream(String id, String from, String lang) {
        synchronized (this) {
            streamId = id;
        }
    }

    @Override
    public void send(Element element) {
        queue(Stanzas.toXml(element));
    }

    @Override
    public void sendRaw(String xml) {
        queue(xml);
    }

    private void queue(String xml) {
        boolean flush = false;
        boolean overflow;
        synchronized (this) {
            if (terminated) {
                return;
            }
            overflow = !outbound.add(xml);
            if (!overflow && !held.isEmpty() && !flushScheduled) {
                flushScheduled = true; // one flush for a burst of stanzas
                flush = true;
            }
        }
        if (overflow) {
            stream.streamError("resource-constraint", "the client does not collect its data");
        } else if (flush) {
            manager.workers().execute(this::flush);
        }
    }

    private void flush() {
        Replies r = new Replies();
        synchronized (this) {
            flushScheduled = false;
            if (terminated) {
                return;
            }
            settle(r);
        }
        r.send(params.contentType());
    }

    @Override
    public void streamError(String condition, String text) {
        Replies r = new Replies();
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminate("remote-stream-error", ResponseBodies.streamError(condition, text), null, r, false);
        }
        r.send(params.contentType());
    }

    @Override
    public void closeStream() {
        Replies r = new Replies();
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminate(null, null, null, r, false);
        }
        r.send(params.contentType());
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public boolean tlsAvailable() {
        return false; // TLS belongs to HTTP (XEP-0206 §3)
    }

    @Override
    public void startTls(Element proceed) {
        closeStream();
    }

    @Override
    public void restartStream(Element success) {
        send(success); // the client's restart request opens the next stream
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String transport() {
        return "bosh";
    }
}
