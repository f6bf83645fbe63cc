package org.parley.xmpp.core;

import org.parley.xmpp.spi.Scheduler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link Scheduler} over a {@link ScheduledExecutorService} that someone else owns and stops ({@code
 * XmppServerBean}, later than it stops the runtime). {@link #close()} cancels the periodic tasks and makes
 * every pending one-shot task a no-op, so nothing runs against a stopped runtime.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ExecutorScheduler.class.getName());
    private static final Cancellable NONE = () -> { };

    private final ScheduledExecutorService executor;
    private final Set<Future<?>> periodic = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ExecutorScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        if (closed) {
            return NONE;
        }
        try {
            Future<?> f = executor.schedule(guarded(task), delay, unit);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return NONE; // the container is stopping
        }
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        if (closed) {
            return NONE;
        }
        try {
            Future<?> f = executor.scheduleWithFixedDelay(guarded(task), initialDelay, delay, unit);
            periodic.add(f);
            return () -> {
                f.cancel(false);
                periodic.remove(f);
            };
        } catch (RejectedExecutionException e) {
            return NONE;
        }
    }

    /** Skips the task once closed; logs instead of letting a failure end a periodic task silently. */
    private Runnable guarded(Runnable task) {
        return () -> {
            if (closed) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "scheduled task failed", e);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        periodic.forEach(f -> f.cancel(false));
        periodic.clear();
    }
}
