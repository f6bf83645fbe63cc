package org.parley.feature.ping;

import org.parley.xmpp.spi.Origin;

import java.util.concurrent.atomic.AtomicReference;

/** Per-session liveness: when the client last sent a stanza, and the id of an unanswered server ping. */
final class Liveness {
    static final String ATTRIBUTE = "ping.liveness";

    private volatile long lastActivity;
    private final AtomicReference<String> pending = new AtomicReference<>();

    Liveness(long now) {
        this.lastActivity = now;
    }

    /** The session's liveness, created on first use (sessions get one when bound). */
    static Liveness of(Origin session, long now) {
        Liveness l = session.attribute(ATTRIBUTE);
        if (l == null) {
            l = new Liveness(now);
            session.attribute(ATTRIBUTE, l);
        }
        return l;
    }

    void touch(long now) {
        lastActivity = now;
    }

    long lastActivity() {
        return lastActivity;
    }

    String pending() {
        return pending.get();
    }

    boolean startPing(String id) {
        return pending.compareAndSet(null, id);
    }

    /** Ends the ping {@code id}; false if it already ended (answered, timed out, or session closed). */
    boolean endPing(String id) {
        return pending.compareAndSet(id, null);
    }

    /** Ends whatever ping is pending and returns its id (or null). */
    String cancel() {
        return pending.getAndSet(null);
    }
}
