package org.parley.infrastructure.transport.bosh;

import org.parley.xmpp.spi.Scheduler;
import org.parley.xmpp.spi.Scheduler.Cancellable;

import java.util.concurrent.TimeUnit;

/**
 * The clocks of one session: each held request's 'wait', the inactivity period, the wait for a missing rid.
 * Called under the session's lock. A timer that fires just after being replaced must do nothing, so the idle
 * and gap timers carry a generation the session checks.
 */
final class Timers {
    private final Scheduler scheduler;
    private final BoshSession session;
    private Cancellable idle;
    private Cancellable gap;
    private long idleGeneration;
    private long gapGeneration;

    Timers(Scheduler scheduler, BoshSession session) {
        this.scheduler = scheduler;
        this.session = session;
    }

    Cancellable waitFor(Runnable task, int seconds) {
        return schedule(task, seconds);
    }

    /** (Re)starts the inactivity clock. */
    void idle(int seconds) {
        cancelIdle();
        long generation = idleGeneration;
        idle = schedule(() -> session.idleExpired(generation), seconds);
    }

    void cancelIdle() {
        idleGeneration++;
        cancel(idle);
        idle = null;
    }

    boolean isCurrentIdle(long generation) {
        return generation == idleGeneration && idle != null;
    }

    /** Starts the clock of a missing rid unless it already runs. */
    void gapOpened(int seconds) {
        if (gap == null) {
            long generation = ++gapGeneration;
            gap = schedule(() -> session.gapExpired(generation), seconds);
        }
    }

    void gapClosed() {
        gapGeneration++;
        cancel(gap);
        gap = null;
    }

    boolean isCurrentGap(long generation) {
        return generation == gapGeneration && gap != null;
    }

    /** After a terminal body nobody collected: drop the session for good. */
    void forget(int seconds) {
        schedule(session::forget, seconds);
    }

    void cancelAll() {
        cancelIdle();
        gapClosed();
    }

    static void cancel(Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    private Cancellable schedule(Runnable task, int seconds) {
        return scheduler.schedule(task, seconds, TimeUnit.SECONDS);
    }
}
