package org.parley.infrastructure.transport.bosh;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The requests of a session that wait for something to carry back, and what the stream sent for them. They are
 * answered oldest first (§8: in rid order); every response is remembered for a resend (§14.3). Guarded by the
 * session.
 */
final class HeldRequests {
    /**
     * A response younger than this is not reported missing: it may still be on its way, and clients such as
     * jbosh (Smack) resend a reported request even when its response has arrived meanwhile.
     */
    static final long REPORT_AFTER_MILLIS = 1000;

    private final TreeMap<Long, Pending> held = new TreeMap<>();
    private final Outbound outbound;
    private final RidWindow<Pending> window;
    private final LongFunction<CharSequence> attributes;
    private final LongSupplier clock;
    private boolean lastAnswerEmpty;
    private long lastAnswered = -1;

    /** @param attributes the wrapper attributes of the response to a rid (the creation response has many) */
    /** @param clock monotonic milliseconds (the scheduler's) */
    HeldRequests(Outbound outbound, RidWindow<Pending> window, LongFunction<CharSequence> attributes,
                 LongSupplier clock) {
        this.clock = clock;
        this.outbound = outbound;
        this.window = window;
        this.attributes = attributes;
    }

    void hold(Pending p) {
        held.put(p.rid, p);
    }

    Pending get(long rid) {
        return held.get(rid);
    }

    int size() {
        return held.size();
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** Queues output of the stream; false the one time the queue overflows (see {@link Outbound#add}). */
    boolean queue(String xml) {
        return outbound.add(xml);
    }

    boolean hasOutput() {
        return !outbound.isEmpty();
    }

    /** Whether the last response carried no payload. */
    boolean lastAnswerEmpty() {
        return lastAnswerEmpty;
    }

    /** The highest rid answered so far (every lower processed rid was answered too), -1 before any. */
    long lastAnswered() {
        return lastAnswered;
    }

    /**
     * Whether {@code ack} (a request's §9.2 acknowledgement) is below the last response sent, that response
     * was sent at least {@link #REPORT_AFTER_MILLIS} ago and is still kept; if so {@code p} is marked to report
     * it ('report': its rid, 'time': its age in ms).
     */
    boolean markMissed(Pending p, Long ack) {
        if (ack == null || ack >= lastAnswered || ack >= p.rid) {
            return false;
        }
        Long sentAt = window.sentAt(ack + 1);
        long now = clock.getAsLong();
        if (sentAt == null || now - sentAt < REPORT_AFTER_MILLIS) {
            return false; // no longer kept, or still on its way (the client wrote 'ack' before it arrived)
        }
        p.reportRid = ack + 1;
        p.reportMillis = Math.max(0, now - sentAt);
        return true;
    }

    /** Answers the oldest held request with everything queued (a pause request with nothing). */
    void answerOldest(Replies r) {
        Pending h = held.pollFirstEntry().getValue();
        Timers.cancel(h.timer);
        List<String> payloads = h.pause ? List.of() : outbound.take();
        CharSequence attrs = attributes.apply(h.rid);
        if (h.reportRid > 0) {
            attrs = attrs + " report='" + h.reportRid + "' time='" + h.reportMillis + "'";
        }
        String body = ResponseBodies.body(attrs, payloads);
        window.remember(h.rid, body, clock.getAsLong());
        lastAnswered = Math.max(lastAnswered, h.rid);
        lastAnswerEmpty = payloads.isEmpty();
        r.add(h.exchange, 200, body);
    }

    /** Answers {@code rid} and every older held request. */
    void answerUpTo(long rid, Replies r) {
        while (!held.isEmpty() && held.firstKey() <= rid) {
            answerOldest(r);
        }
    }

    void answerAll(Replies r) {
        while (!held.isEmpty()) {
            answerOldest(r);
        }
    }

    /** Removes every held request, oldest first, without answering. */
    List<Pending> drain() {
        List<Pending> all = new ArrayList<>(held.values());
        held.clear();
        all.forEach(p -> Timers.cancel(p.timer));
        return all;
    }

    /** Removes and returns the queued output. */
    List<String> takeOutput() {
        return outbound.take();
    }
}
