package org.parley.infrastructure.transport.bosh;

import org.parley.xmpp.core.C2SStream;

import java.util.function.Consumer;

/**
 * One BOSH session (XEP-0124, XEP-0206) around one {@link C2SStream}: where servlet threads (requests), the
 * timer thread and the stream's workers (output) come in. The rules themselves are {@link RequestFlow}'s.
 * <p>
 * All state is guarded by {@code this}; responses are written after the lock is released ({@link Replies}).
 * The stream is only ever told things (it queues them on its own executor), so telling it under the lock is
 * safe and keeps the payloads of successive requests in order.
 */
final class BoshSession {
    static final String ITEM_NOT_FOUND = "item-not-found";
    static final String POLICY_VIOLATION = "policy-violation";

    final String sid;
    /** The domain the session was opened to (its stanza limit is that domain's). */
    final String domain;
    private final Negotiated params;
    private final BoshManager manager;
    private final RequestFlow flow;
    private C2SStream stream;
    private boolean flushScheduled;

    BoshSession(String sid, Negotiated params, BoshManager manager, long creationRid, String domain) {
        this.sid = sid;
        this.domain = domain;
        this.params = params;
        this.manager = manager;
        this.flow = new RequestFlow(this, params, manager, creationRid, domain);
    }

    void attach(C2SStream s) {
        this.stream = s;
        flow.attach(s);
    }

    boolean isTerminated() {
        return flow.isTerminated();
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
        locked(r -> flow.handle(request, rid, exchange, r));
    }

    /** The request could not be read (bad XML, too large): the session ends with {@code condition}. */
    void reject(String condition, Exchange exchange) {
        locked(r -> flow.reject(condition, exchange, r));
    }

    // ---- timers ----

    void waitExpired(Pending h) {
        locked(r -> flow.waitExpired(h, r));
    }

    void gapExpired(long generation) {
        locked(r -> flow.gapExpired(generation, r));
    }

    /** §12: no request for 'inactivity' seconds: the client is gone; the stream ends like a dropped socket. */
    void idleExpired(long generation) {
        synchronized (this) {
            if (!flow.idleExpired(generation)) {
                return;
            }
        }
        manager.ended(this);
        stream.transportClosed();
    }

    /** The terminal body that no request came for in time: the session is forgotten. */
    void forget() {
        synchronized (this) {
            flow.forget();
        }
        manager.ended(this);
    }

    void shutdown() {
        locked(r -> {
            if (!flow.isTerminated()) {
                flow.terminate("system-shutdown", null, null, r, true);
            }
        });
    }

    // ---- what the stream sends (BoshConnection, worker threads) ----

    synchronized void streamOpened(String id) {
        flow.streamOpened(id);
    }

    void output(String xml) {
        boolean flush = false;
        boolean overflow;
        synchronized (this) {
            if (flow.isTerminated()) {
                return;
            }
            overflow = !flow.queue(xml);
            if (!overflow && flow.holdsRequests() && !flushScheduled) {
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
            if (!flow.isTerminated()) {
                flow.settle(r);
            }
        });
    }

    /** The stream ended (closed, or a stream error in {@code extra}). */
    void streamEnded(String condition, String extra) {
        locked(r -> {
            if (!flow.isTerminated()) {
                flow.terminate(condition, extra, null, r, false);
            }
        });
    }
}
