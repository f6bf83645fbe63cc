package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.parley.xmpp.core.C2SStream;

import java.util.List;
import java.util.logging.Logger;

/**
 * The XEP-0124/XEP-0206 rules of one {@link BoshSession}: requests in rid order ({@link RidWindow}), their
 * payloads to the stream, up to {@code hold} of them held for what the stream sends, pauses, polling limits and
 * the end of the session. Single-threaded: every method runs under the session's lock and only decides
 * responses ({@link Replies}); the session writes them after releasing the lock.
 */
final class RequestFlow {
    private static final Logger LOG = Logger.getLogger(RequestFlow.class.getName());

    private final BoshSession session;
    private final Negotiated params;
    private final BoshManager manager;
    private final long creationRid;
    private final String domain;
    private final RidWindow<Pending> window;
    private final HeldRequests held;
    private final LostResponses lost;
    private final Timers timers;
    private final TerminalResponses terminal;
    private final PollingGuard polling;
    private C2SStream stream;
    private volatile boolean terminated;
    private String streamId;
    private int pause;

    RequestFlow(BoshSession session, Negotiated params, BoshManager manager, long creationRid, String domain) {
        this.session = session;
        this.params = params;
        this.manager = manager;
        this.creationRid = creationRid;
        this.domain = domain;
        this.window = LostResponses.window(creationRid, params);
        this.held = new HeldRequests(new Outbound(manager.settings().maxQueueChars()), window,
                rid -> rid == creationRid ? ResponseBodies.creationAttributes(session.sid, params, domain, streamId) : "",
                manager.timers()::nowMillis);
        this.lost = new LostResponses(params.acks(), window, held);
        this.timers = new Timers(manager.timers(), session);
        this.polling = new PollingGuard(params.polling(), manager.timers()::nowMillis);
        this.terminal = new TerminalResponses(params.legacy());
    }

    void attach(C2SStream s) {
        this.stream = s;
    }

    /** Read without the lock too (the manager's sweeps). */
    boolean isTerminated() {
        return terminated;
    }

    void handle(BoshRequest request, long rid, Exchange exchange, Replies r) {
        if (terminated) {
            answerEnded(exchange, r);
        } else {
            receive(request, rid, exchange, r);
        }
    }

    /** The request could not be read (bad XML, too large): the session ends with {@code condition}. */
    void reject(String condition, Exchange exchange, Replies r) {
        if (terminated) {
            answerEnded(exchange, r);
        } else {
            terminate(condition, null, exchange, r, true);
        }
    }

    private void answerEnded(Exchange exchange, Replies r) {
        if (terminal.answerLate(exchange, r)) {
            manager.ended(session);
        }
    }

    private void receive(BoshRequest request, long rid, Exchange exchange, Replies r) {
        timers.cancelIdle();
        lost.acknowledge(request, rid);
        switch (lost.answerResend(rid, exchange, r)) {
            case ANSWERED -> {
            }
            case UNKNOWN -> terminate(BoshSession.ITEM_NOT_FOUND, null, exchange, r, true);
            case NEW -> admit(request, rid, exchange, r);
        }
        if (!terminated) {
            settle(r);
        }
    }

    /** A new rid: out of the window (§14.2) or one request too many (§11) end the session. */
    private void admit(BoshRequest request, long rid, Exchange exchange, Replies r) {
        if (!window.acceptable(rid)) {
            terminate(BoshSession.ITEM_NOT_FOUND, null, exchange, r, true);
        } else if (request.pause() == null && !request.isTerminate()
                && held.size() + window.waitingCount() + 1 > params.requests()) {
            LOG.fine(() -> "BOSH session " + session.sid + ": more than " + params.requests() + " simultaneous requests");
            terminate(BoshSession.POLICY_VIOLATION, null, exchange, r, true);
        } else {
            window.add(rid, new Pending(rid, request, exchange));
            advance(r);
        }
    }

    /** Processes the requests whose turn has come, in rid order. */
    private void advance(Replies r) {
        for (Pending p = window.next(); p != null && !terminated; p = window.next()) {
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
    }

    private void process(Pending p, Replies r) {
        BoshRequest request = p.request;
        pause = 0; // the next request after a pause ends it (§12)
        if (p.rid == creationRid) {
            stream.opened(domain, request.streamVersion(), request.lang());
        } else if (request.isRestart()) { // its payloads are ignored (XEP-0206 §6)
            stream.opened(request.to() == null ? domain : request.to(), request.streamVersion(), request.lang());
        } else {
            for (Element e : request.payloads()) {
                stream.element(e);
            }
            if (request.isTerminate()) {
                stream.closedByPeer(); // the stream's close answers this request
            }
        }
        if (pollsTooOften(p, r)) {
            return;
        }
        held.hold(p);
        if (params.waitSeconds() > 0) {
            p.timer = timers.waitFor(() -> session.waitExpired(p), params.waitSeconds());
        }
        Integer asked = request.pause();
        if (asked != null) { // answer everything now; the inactivity allowed until the next request changes
            p.pause = true;
            pause = Math.min(asked, params.maxPause());
            held.answerAll(r);
        } else {
            lost.reportMissed(p, r);
        }
    }

    /** §10: a polling session (hold=0) polled again sooner than 'polling' after an empty exchange. */
    private boolean pollsTooOften(Pending p, Replies r) {
        boolean emptyPoll = p.rid != creationRid && p.request.isEmptyPoll();
        if (params.hold() == 0 && polling.tooSoon(emptyPoll, held.lastAnswerEmpty())) {
            terminate(BoshSession.POLICY_VIOLATION, null, p.exchange, r, true);
            return true;
        }
        return false;
    }

    /** Answers what must be answered now; starts the inactivity clock when nothing is pending. */
    void settle(Replies r) {
        while (held.size() > params.hold()) {
            held.answerOldest(r);
        }
        if (held.hasOutput() && !held.isEmpty()) {
            held.answerOldest(r);
        }
        if (held.isEmpty() && window.waitingCount() == 0) {
            timers.idle(pause > 0 ? pause : params.inactivity());
        }
    }

    /** A held request's 'wait' is over: it is answered (empty, unless output came meanwhile). */
    void waitExpired(Pending h, Replies r) {
        if (terminated || held.get(h.rid) != h) {
            return;
        }
        held.answerUpTo(h.rid, r);
        settle(r);
    }

    /** A lower rid never came (e.g. the browser dropped it while leaving the page): carry on without it. */
    void gapExpired(long generation, Replies r) {
        if (terminated || !timers.isCurrentGap(generation) || window.waitingCount() == 0) {
            return;
        }
        LOG.fine(() -> "BOSH session " + session.sid + ": rids after " + window.last() + " never came");
        timers.gapClosed();
        window.skipGap();
        advance(r);
        if (!terminated) {
            settle(r);
        }
    }

    /** §12: no request for 'inactivity' seconds; true if the session ended (the stream is to be told). */
    boolean idleExpired(long generation) {
        if (terminated || !timers.isCurrentIdle(generation) || !held.isEmpty() || window.waitingCount() > 0) {
            return false;
        }
        terminated = true;
        timers.cancelAll();
        held.takeOutput();
        return true;
    }

    /** The terminal body that no request came for in time is dropped. */
    void forget() {
        terminal.forget();
    }

    void streamOpened(String id) {
        streamId = id;
    }

    /** Queues output for the next response; false if the client collects too little of it (overflow). */
    boolean queue(String xml) {
        return held.queue(xml);
    }

    boolean holdsRequests() {
        return !held.isEmpty();
    }

    /** Ends the session: the waiting requests (and {@code trigger}) say so, or the next request will. */
    void terminate(String condition, String extra, Exchange trigger, Replies r, boolean endStream) {
        terminated = true;
        timers.cancelAll();
        List<String> output = held.takeOutput();
        List<Pending> waiting = held.drain();
        waiting.addAll(window.drain());
        if (terminal.send(condition, output, extra, waiting, trigger, r)) {
            manager.ended(session);
        } else {
            timers.forget(params.inactivity());
        }
        if (endStream) {
            r.then(stream::transportClosed);
        }
    }
}
