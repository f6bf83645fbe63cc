package org.parley.infrastructure.transport.websocket;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Serialised, non-blocking writes for one WebSocket: callers on any thread enqueue messages; one message at
 * a time is handed to the container and the next one leaves when it completes (containers may refuse
 * concurrent async sends on one session). A peer that stops reading cannot make the queue grow without
 * bound: past {@code maxQueuedChars} the WebSocket is closed.
 */
final class Outbox {
    /** Where messages go: the container's session (or a test double). */
    interface Sink {
        /** Sends one text message; {@code done} gets null on success, else the failure. */
        void sendText(String text, Consumer<Throwable> done);

        /** Sends a WebSocket ping; {@code done} as for {@link #sendText}. */
        void sendPing(Consumer<Throwable> done);

        /** Closes the WebSocket (no further sends). */
        void close(int code, String reason);
    }

    static final int NORMAL = 1000;
    static final int POLICY = 1008;
    static final int SERVER_ERROR = 1011;

    private enum Kind { TEXT, PING, CLOSE }

    private record Item(Kind kind, String text, int code) {
        int size() {
            return kind == Kind.TEXT ? text.length() : 0;
        }
    }

    private final Sink sink;
    private final long maxQueuedChars;
    private final LongSupplier clock;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean busy;      // a message is with the container
    private boolean closing;   // a close is queued: later messages are dropped
    private boolean closed;
    private Thread pumping;    // the thread draining the queue, if any
    private volatile long lastWrite;

    Outbox(Sink sink, long maxQueuedChars, LongSupplier clock) {
        this.sink = sink;
        this.maxQueuedChars = maxQueuedChars;
        this.clock = clock;
        this.lastWrite = clock.getAsLong();
    }

    /** Queues one text message (one XML element). */
    void text(String xml) {
        boolean overflow;
        synchronized (this) {
            if (closing || closed) {
                return;
            }
            queue.add(new Item(Kind.TEXT, xml, 0));
            queuedChars += xml.length();
            overflow = queuedChars > maxQueuedChars;
        }
        if (overflow) {
            // the peer does not read: the write under way may never complete, so do not wait for it
            forceClose(POLICY, "peer does not read");
            return;
        }
        pump();
    }

    /** Closes the WebSocket now, dropping what is queued (no-op if already closed). */
    void forceClose(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            queue.clear();
            queuedChars = 0;
        }
        sink.close(code, reason);
    }

    /** Queues a ping unless something was written within {@code idleMillis} or a write is under way. */
    void pingIfIdle(long idleMillis) {
        synchronized (this) {
            if (closing || closed || busy || !queue.isEmpty() || clock.getAsLong() - lastWrite < idleMillis) {
                return;
            }
            queue.add(new Item(Kind.PING, null, 0));
        }
        pump();
    }

    /** Queues the close of the WebSocket after everything queued so far; later messages are dropped. */
    void closeAfterDrain(int code, String reason) {
        synchronized (this) {
            if (closing || closed) {
                return;
            }
            closing = true;
            queue.add(new Item(Kind.CLOSE, reason, code));
        }
        pump();
    }

    /** The WebSocket is gone: drop what is queued. */
    synchronized void abort() {
        closed = true;
        queue.clear();
        queuedChars = 0;
    }

    synchronized boolean isClosing() {
        return closing || closed;
    }

    private void pump() {
        synchronized (this) {
            if (pumping != null || busy) {
                return; // the running pump or the pending completion continues
            }
            pumping = Thread.currentThread();
        }
        try {
            while (true) {
                Item next;
                synchronized (this) {
                    if (busy || closed || queue.isEmpty()) {
                        pumping = null;
                        return;
                    }
                    next = queue.poll();
                    busy = true;
                }
                dispatch(next); // its completion may run inline: then the loop goes on here
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                pumping = null;
            }
            failed(e);
        }
    }

    private void dispatch(Item item) {
        lastWrite = clock.getAsLong();
        switch (item.kind()) {
            case TEXT -> sink.sendText(item.text(), error -> completed(item, error));
            case PING -> sink.sendPing(error -> completed(item, error));
            case CLOSE -> {
                synchronized (this) {
                    closed = true;
                    busy = false;
                    queue.clear();
                    queuedChars = 0;
                }
                sink.close(item.code(), item.text());
            }
        }
    }

    private void completed(Item item, Throwable error) {
        synchronized (this) {
            busy = false;
            queuedChars -= item.size();
        }
        if (error != null) {
            failed(error);
            return;
        }
        pump();
    }

    private void failed(Throwable error) {
        synchronized (this) {
            busy = false;
        }
        forceClose(SERVER_ERROR, "write failed");
    }
}
