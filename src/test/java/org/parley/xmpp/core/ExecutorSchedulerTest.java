package org.parley.xmpp.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.spi.Scheduler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's scheduler over an executor it does not own (the container's, in WildFly). */
class ExecutorSchedulerTest {
    final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    final ExecutorScheduler scheduler = new ExecutorScheduler(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void runsTasksAndKeepsAFailingPeriodicTaskGoing() throws InterruptedException {
        CountDownLatch once = new CountDownLatch(1);
        scheduler.schedule(once::countDown, 10, TimeUnit.MILLISECONDS);
        assertTrue(once.await(5, TimeUnit.SECONDS));

        CountDownLatch runs = new CountDownLatch(3);
        Scheduler.Cancellable c = scheduler.scheduleWithFixedDelay(() -> {
            runs.countDown();
            throw new IllegalStateException("a bad run");
        }, 1, 1, TimeUnit.MILLISECONDS);
        assertTrue(runs.await(5, TimeUnit.SECONDS), "a failure does not end the periodic task");
        c.cancel();
    }

    @Test
    void closeCancelsPeriodicTasksSilencesPendingOnesAndLeavesTheExecutorRunning() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        scheduler.scheduleWithFixedDelay(ran::incrementAndGet, 1, 1, TimeUnit.HOURS);
        scheduler.schedule(ran::incrementAndGet, 500, TimeUnit.MILLISECONDS);
        scheduler.close();
        scheduler.schedule(ran::incrementAndGet, 0, TimeUnit.MILLISECONDS);
        CountDownLatch after = new CountDownLatch(1);
        executor.schedule(after::countDown, 700, TimeUnit.MILLISECONDS); // after the pending task's time
        assertTrue(after.await(5, TimeUnit.SECONDS));
        assertEquals(0, ran.get());
        assertFalse(executor.isShutdown(), "the executor belongs to the container");
    }

    @Test
    void cancelStopsAOneShotTask() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        // delays far above a busy machine's scheduling hiccups
        scheduler.schedule(ran::incrementAndGet, 500, TimeUnit.MILLISECONDS).cancel();
        CountDownLatch later = new CountDownLatch(1);
        scheduler.schedule(later::countDown, 700, TimeUnit.MILLISECONDS);
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertEquals(0, ran.get());
    }
}
