package org.parley.xmpp.core;

import java.util.concurrent.atomic.LongAdder;

/** Counters for the console, the status API and benchmarks. */
public final class Metrics {
    private final LongAdder logins = new LongAdder();
    private final LongAdder stanzas = new LongAdder();
    private final LongAdder sessionsOpened = new LongAdder();
    private final LongAdder sessionsClosed = new LongAdder();
    private final long startedAt = System.currentTimeMillis();

    void login() {
        logins.increment();
    }

    void stanza() {
        stanzas.increment();
    }

    void sessionOpened() {
        sessionsOpened.increment();
    }

    void sessionClosed() {
        sessionsClosed.increment();
    }

    public long logins() {
        return logins.sum();
    }

    public long stanzasRouted() {
        return stanzas.sum();
    }

    public long sessionsOpened() {
        return sessionsOpened.sum();
    }

    public long sessionsClosed() {
        return sessionsClosed.sum();
    }

    public long startedAtMillis() {
        return startedAt;
    }
}
