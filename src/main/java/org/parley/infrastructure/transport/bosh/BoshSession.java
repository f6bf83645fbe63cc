package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.parley.xmpp.core.C2SStream;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One BOSH session (XEP-0124, XEP-0206) around one {@link C2SStream}. Requests enter in rid order
 * ({@link RidWindow}); their payloads go to the stream; up to {@code hold} of them wait (without a thread) for
 * what the stream sends ({@link BoshConnection}), each at most {@code wait} seconds.
 * <p>
 * All state is guarded by {@code this}; responses are written after the lock is released ({@link Replies}).
 * The stream is only ever told things (it queues them on its own executor), so telling it under the lock is
 * safe and keeps the payloads of successive requests in order.
 */
final class BoshSession {
    private static final Logger LOG = Logger.getLogger(BoshSession.class.getName());
    static final String ITEM_NOT_FOUND = "item-not-found";
    static final String POLICY_VIOLATION = "policy-violation";

    final String sid;
    private final Negotiated params;
    private final BoshManager manager;
    private final long creationRid;
    private final String domain;
    private final RidWindow<Pending> window;
    private final HeldRequests held;
    private final LostResponses lost;
    private final Timers timers;
    private C2SStream stream;
    private volatile boolean terminated;
    private String streamId;
    private final TerminalResponses terminal;
    private boolean flushScheduled;
    private int pause;
    private final PollingGuard polling;

    BoshSession(String sid, Negotiated params, BoshManager manager, long creationRid, String domain) {
        this.sid = sid;
        this.params = params;
        this.manager = manager;
        this.creationRid = creationRid;
        this.domain = domain;
        this.window = LostResponses.window(creationRid, params);
        this.held = new HeldRequests(new Outbound(manager.settings().maxQueueChars()), window,
                rid -> rid == creationRid ? ResponseBodies.creationAttributes(sid, params, domain, streamId) : "");
        this.lost = new LostResponses(params.acks(), window, held);
        this.timers = new Timers(manager.timers(), this);
        this.polling = new PollingGuard(params.polling());
        this.terminal = new TerminalResponses(params.legacy());
    }

    void attach(C2SStream s) {
        this.stream = s;
    }

    boolean isTerminated() {
        return terminated;
    }

    /** Runs {@code action} under the lock, then sends the responses it decided on. */
    private void locked(Consumer<Replies> action) {
        Replies r = new Replies();
        synchronized (this) {
            action.accept(r);
        }
        r.send(params.contentType());
    }

    // ---- requests (servlet threads) ----

    void handle(BoshRequest request, long rid, Exchange exchange) {
        locked(r -> {
            if (terminated) {
                answerEnded(exchange, r);
            } else {
                receive(request, rid, exchange, r);
            }
        });
    }

    /** The request could not be read (bad XML, too large): the session ends with {@code condition}. */
    void reject(String condition, Exchange exchange) {
        locked(r -> {
            if (terminated) {
                answerEnded(exchange, r);
            } else {
                terminate(condition, null, exchange, r, true);
            }
        });
    }

    private void answerEnded(Exchange exchange, Replies r) {
        if (terminal.answerLate(exchange, r)) {
            manager.ended(this);
        }
    }

    private void receive(BoshRequest request, long rid, Exchange exchange, Replies r) {
        timers.cancelIdle();
        lost.acknowledge(request, rid);
        switch (lost.answerResend(rid, exchange, r)) {
            case ANSWERED -> {
            }
            case UNKNOWN -> terminate(ITEM_NOT_FOUND, null, exchange, r, true);
            case NEW -> admit(request, rid, exchange, r);
        }
        if (!terminated) {
            settle(r);
        }
    }

    /** A new rid: out of the window (§14.2) or one request too many (§11) end the session. */
    private void admit(BoshRequest request, long rid, Exchange exchange, Replies r) {
        if (!window.acceptable(rid)) {
            terminate(ITEM_NOT_FOUND, null, exchange, r, true);
        } else if (request.pause() == null && !request.isTerminate()
                && held.size() + window.waitingCount() + 1 > params.requests()) {
            LOG.fine(() -> "BOSH session " + sid + ": more than " + params.requests() + " simultaneous requests");
            terminate(POLICY_VIOLATION, null, exchange, r, true);
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
            stream.opened(domain, version(request), request.lang());
        } else if (request.isRestart()) { // its payloads are ignored (XEP-0206 §6)
            stream.opened(request.to() == null ? domain : request.to(), version(request), request.lang());
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
            p.timer = timers.waitFor(() -> expire(p), params.waitSeconds());
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
        BoshRequest q = p.request;
        boolean emptyPoll = q.payloads().isEmpty() && p.rid != creationRid && !q.isRestart() && !q.isTerminate()
                && q.pause() == null;
        if (params.hold() == 0 && polling.tooSoon(emptyPoll, held.lastAnswerEmpty())) {
            terminate(POLICY_VIOLATION, null, p.exchange, r, true);
            return true;
        }
        return false;
    }

    /** Answers what must be answered now; starts the inactivity clock when nothing is pending. */
    private void settle(Replies r) {
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

    private static String version(BoshRequest request) {
        String v = request.xmppVersion();
        return v == null ? "1.0" : v; // XEP-0206 clients SHOULD send it; older ones speak 1.0 all the same
    }

    // ---- timers ----

    private void expire(Pending h) {
        locked(r -> {
            if (terminated || held.get(h.rid) != h) {
                return;
            }
            held.answerUpTo(h.rid, r);
            settle(r);
        });
    }

    /** A lower rid never came (e.g. the browser dropped it while leaving the page): carry on without it. */
    void gapExpired(long generation) {
        locked(r -> {
            if (terminated || !timers.isCurrentGap(generation) || window.waitingCount() == 0) {
                return;
            }
            LOG.fine(() -> "BOSH session " + sid + ": rids after " + window.last() + " never came");
            timers.gapClosed();
            window.skipGap();
            advance(r);
            if (!terminated) {
                settle(r);
            }
        });
    }

    /** §12: no request for 'inactivity' seconds: the client is gone; the stream ends like a dropped socket. */
    void idleExpired(long generation) {
        synchronized (this) {
            if (terminated || !timers.isCurrentIdle(generation) || !held.isEmpty() || window.waitingCount() > 0) {
                return;
            }
            terminated = true;
            timers.cancelAll();
            held.takeOutput();
        }
        manager.ended(this);
        stream.transportClosed();
    }

    /** The terminal body that no request came for in time: the session is forgotten. */
    void forget() {
        synchronized (this) {
            terminal.forget();
        }
        manager.ended(this);
    }

    void shutdown() {
        locked(r -> {
            if (!terminated) {
                terminate("system-shutdown", null, null, r, true);
            }
        });
    }

    // ---- what the stream sends (BoshConnection, worker threads) ----

    synchronized void streamOpened(String id) {
        streamId = id;
    }

    void output(String xml) {
        boolean flush = false;
        boolean overflow;
        synchronized (this) {
            if (terminated) {
                return;
            }
            overflow = !held.queue(xml);
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
        locked(r -> {
            flushScheduled = false;
            if (terminated) {
                return;
            }
            settle(r);
        });
    }

    /** The stream ended (closed, or a stream error in {@code extra}). */
    void streamEnded(String condition, String extra) {
        locked(r -> {
            if (!terminated) {
                terminate(condition, extra, null, r, false);
            }
        });
    }

    /** Ends the session: the waiting requests (and {@code trigger}) say so, or the next request will. */
    private void terminate(String condition, String extra, Exchange trigger, Replies r, boolean endStream) {
        terminated = true;
        timers.cancelAll();
        List<String> output = held.takeOutput();
        List<Pending> waiting = held.drain();
        waiting.addAll(window.drain());
        if (terminal.send(condition, output, extra, waiting, trigger, r)) {
            manager.ended(this);
        } else {
            timers.forget(params.inactivity());
        }
        if (endStream) {
            r.then(stream::transportClosed);
        }
    }
}
