package org.parley.infrastructure.transport.websocket;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {

    /** Completes sends only when told to. */
    static final class ManualSink implements Outbox.Sink {
        final List<String> sent = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        int pings;
        Integer closedWith;

        public void sendText(String text, Consumer<Throwable> done) {
            sent.add(text);
            pending.add(done);
        }

        public void sendPing(Consumer<Throwable> done) {
            pings++;
            done.accept(null);
        }

        public void close(int code, String reason) {
            closedWith = code;
        }

        void completeNext(Throwable error) {
            pending.remove(0).accept(error);
        }
    }

    final AtomicLong clock = new AtomicLong(1000);

    @Test
    void oneMessageAtATimeInOrder() {
        ManualSink sink = new ManualSink();
        Outbox out = new Outbox(sink, 1 << 20, clock::get);
        out.text("<a/>");
        out.text("<b/>");
        out.text("<c/>");
        assertEquals(List.of("<a/>"), sink.sent, "the next waits for the completion of the first");
        sink.completeNext(null);
        assertEquals(List.of("<a/>", "<b/>"), sink.sent);
        sink.completeNext(null);
        sink.completeNext(null);
        assertEquals(List.of("<a/>", "<b/>", "<c/>"), sink.sent);
        assertTrue(sink.pending.isEmpty());
    }

    @Test
    void inlineCompletionsDoNotRecurse() {
        AtomicInteger depth = new AtomicInteger();
        AtomicInteger maxDepth = new AtomicInteger();
        List<String> sent = new ArrayList<>();
        Outbox.Sink sink = new Outbox.Sink() {
            public void sendText(String text, Consumer<Throwable> done) {
                maxDepth.accumulateAndGet(depth.incrementAndGet(), Math::max);
                sent.add(text);
                done.accept(null);
                depth.decrementAndGet();
            }

            public void sendPing(Consumer<Throwable> done) {
                done.accept(null);
            }

            public void close(int code, String reason) {
            }
        };
        Outbox out = new Outbox(sink, 1 << 20, clock::get);
        for (int i = 0; i < 10_000; i++) {
            out.text("<m/>");
        }
        assertEquals(10_000, sent.size());
        assertEquals(1, maxDepth.get());
    }

    @Test
    void closeLeavesAfterWhatWasQueuedAndDropsTheRest() {
        ManualSink sink = new ManualSink();
        Outbox out = new Outbox(sink, 1 << 20, clock::get);
        out.text("<error/>");
        out.text("<close/>");
        out.closeAfterDrain(Outbox.NORMAL, null);
        out.text("<late/>");
        assertEquals(null, sink.closedWith);
        sink.completeNext(null);
        sink.completeNext(null);
        assertEquals(List.of("<error/>", "<close/>"), sink.sent);
        assertEquals(Outbox.NORMAL, sink.closedWith);
        assertTrue(out.isClosing());
    }

    @Test
    void aPeerThatDoesNotReadIsDisconnected() {
        ManualSink sink = new ManualSink();
        Outbox out = new Outbox(sink, 100, clock::get);
        out.text("x".repeat(60)); // with the container, never completes
        out.text("y".repeat(30));
        assertEquals(null, sink.closedWith);
        out.text("z".repeat(30));
        assertEquals(Outbox.POLICY, sink.closedWith, "over the limit: closed at once, not queued");
        sink.completeNext(null);
        assertEquals(1, sink.sent.size());
    }

    @Test
    void failedWriteClosesOnce() {
        ManualSink sink = new ManualSink();
        Outbox out = new Outbox(sink, 1 << 20, clock::get);
        out.text("<a/>");
        out.text("<b/>");
        sink.completeNext(new java.io.IOException("reset"));
        assertEquals(Outbox.SERVER_ERROR, sink.closedWith);
        out.text("<c/>");
        assertEquals(List.of("<a/>"), sink.sent);
    }

    @Test
    void pingsOnlyWhenIdle() {
        ManualSink sink = new ManualSink();
        Outbox out = new Outbox(sink, 1 << 20, clock::get);
        out.pingIfIdle(30_000);
        assertEquals(0, sink.pings);
        clock.addAndGet(30_000);
        out.pingIfIdle(30_000);
        assertEquals(1, sink.pings);
        out.text("<a/>");
        clock.addAndGet(30_000);
        out.pingIfIdle(30_000);
        assertEquals(1, sink.pings, "not while a write is under way");
        sink.completeNext(null);
        out.pingIfIdle(30_000);
        assertEquals(2, sink.pings);
        out.abort();
        clock.addAndGet(60_000);
        out.pingIfIdle(30_000);
        assertEquals(2, sink.pings);
    }

    @Test
    void concurrentWritersNeverOverlap() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
        ExecutorService completer = Executors.newSingleThreadExecutor();
        Outbox.Sink sink = new Outbox.Sink() {
            public void sendText(String text, Consumer<Throwable> done) {
                if (inFlight.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                sent.add(text);
                completer.execute(() -> {
                    inFlight.decrementAndGet();
                    done.accept(null);
                });
            }

            public void sendPing(Consumer<Throwable> done) {
                done.accept(null);
            }

            public void close(int code, String reason) {
            }
        };
        Outbox out = new Outbox(sink, 1 << 30, clock::get);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int id = t;
            writers.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2000; i++) {
                    out.text("<m t='" + id + "' i='" + i + "'/>");
                }
            });
        }
        start.countDown();
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sent.size() < 16_000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        completer.shutdown();
        assertEquals(16_000, sent.size());
        assertEquals(0, overlaps.get());
        assertFalse(out.isClosing());
    }
}
