package org.parley.infrastructure.transport.bosh;

import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.core.testing.ManualScheduler;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.spi.Hosts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The real core (stream, router, SASL) for domain example.org with alice and bob (password "secret"). */
final class BoshFixture implements AutoCloseable {
    /**
     * Counts the tasks it was handed until they finished: a ThreadPoolExecutor's active count misses a task a
     * worker has just taken from the queue, so "queue empty and none active" could be read before it ran.
     */
    private final AtomicInteger unfinished = new AtomicInteger();
    final ExecutorService workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>()) {
        @Override
        public void execute(Runnable task) {
            unfinished.incrementAndGet();
            try {
                super.execute(task);
            } catch (RuntimeException e) {
                unfinished.decrementAndGet();
                throw e;
            }
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            unfinished.decrementAndGet();
        }
    };
    /** BOSH's timers: tests move time with {@code timers.advance(...)} instead of sleeping. */
    final ManualScheduler timers = new ManualScheduler();
    final XmppServer server;
    final BoshManager manager;

    BoshFixture() {
        this(settings(1, 1));
    }

    BoshFixture(BoshSettings settings) {
        this(settings, ExampleOrg.hosts());
    }

    BoshFixture(BoshSettings settings, Hosts hosts) {
        server = new XmppServer(hosts, ExampleOrg.accounts(), workers, new AuthThrottle(100, 100, Duration.ofMinutes(1)),
                true, XmppServer.DEFAULT_REPLY_TIMEOUT, timers);
        server.start(List.of());
        manager = new BoshManager(server, settings, timers);
    }

    /** wait max 2 s, the given inactivity and hold max, maxpause 5, polling 1, gap 1 s, bodies up to 8 KiB. */
    static BoshSettings settings(int inactivity, int holdMax) {
        return new BoshSettings(2, inactivity, 5, holdMax, 0, 1, 8192, 4096, 64 * 1024, 1, "*", false);
    }

    BoshClient client() {
        return new BoshClient(this);
    }

    /** Parses and hands over a request body, as the servlet does. */
    FakeExchange post(String body) {
        FakeExchange ex = new FakeExchange();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        try {
            manager.handle(BodyParser.parse(b, b.length, 4096, manager::stanzaLimit), ex, false, "192.0.2.1");
        } catch (BodyParser.BadBody e) {
            manager.reject(e.root, e.condition, ex);
        }
        return ex;
    }

    /** Waits (2 s at most) until the workers have run everything handed to them, e.g. a stream's features. */
    void awaitWorkersIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (unfinished.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the workers are still busy after 2 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Whether every stream has ended within 2 s (streams end on their own executor). */
    boolean streamsEnd() {
        for (int i = 0; i < 200 && !server.streams().isEmpty(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return server.streams().isEmpty();
    }

    @Override
    public void close() {
        manager.shutdown();
        workers.shutdownNow();
    }
}
