package org.parley.xmpp.spi;

import java.util.concurrent.TimeUnit;

/**
 * The runtime's clock and delayed work. In the server it is one scheduled pool on the container's managed
 * threads ({@code org.parley.xmpp.core.ExecutorScheduler}, owned by {@code XmppServerBean}); tests drive a
 * manual one and move time forward instead of sleeping. Tasks must be short (answer a held request, hand work to the workers): they share one
 * scheduler with every session's timers.
 */
public interface Scheduler {

    /** A scheduled task: {@link #cancel()} stops it unless it already runs (then a periodic one stops after). */
    interface Cancellable {
        void cancel();
    }

    /** Monotonic milliseconds: only differences mean anything. */
    long nowMillis();

    /** Runs {@code task} once after {@code delay}. After the scheduler closed, the task never runs. */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /** Runs {@code task} after {@code initialDelay}, then {@code delay} after the end of each run. */
    Cancellable scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit);
}
