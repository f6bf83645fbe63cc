package org.parley.xmpp.core.testing;

import org.parley.xmpp.spi.Scheduler;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} whose time moves only when a test calls {@link #advance}: due tasks then run on the
 * test's thread, in time order, so a test of a 10 s timeout takes no 10 s and never races a timer thread.
 * Tasks may be scheduled from any thread.
 */
public final class ManualScheduler implements Scheduler {

    private static final class Task implements Cancellable {
        final Runnable run;
        final long period; // 0 = once
        final long seq;
        long due;
        volatile boolean cancelled;

        Task(Runnable run, long due, long period, long seq) {
            this.run = run;
            this.due = due;
            this.period = period;
            this.seq = seq;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.seq));
    private long now = 1_000_000;
    private long seq;

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        return add(task, unit.toMillis(delay), 0);
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        return add(task, unit.toMillis(initialDelay), Math.max(1, unit.toMillis(delay)));
    }

    private synchronized Task add(Runnable run, long delayMillis, long period) {
        Task t = new Task(run, now + Math.max(0, delayMillis), period, seq++);
        queue.add(t);
        return t;
    }

    /** Moves time forward by {@code d}, running every task that falls due, each at its own time. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toMillis();
        }
        while (true) {
            Task t;
            synchronized (this) {
                Task head = queue.peek();
                if (head == null || head.due > target) {
                    now = target;
                    return;
                }
                t = queue.poll();
                now = Math.max(now, t.due);
            }
            if (t.cancelled) {
                continue;
            }
            t.run.run(); // outside the lock: the task may schedule more
            if (t.period > 0 && !t.cancelled) {
                synchronized (this) {
                    t.due = now + t.period;
                    queue.add(t);
                }
            }
        }
    }

    /** Tasks waiting (cancelled ones included until their time comes). */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }
}
