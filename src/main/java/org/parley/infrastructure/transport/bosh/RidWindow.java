package org.parley.infrastructure.transport.bosh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request ids of one session (XEP-0124 §14): requests are processed strictly in rid order; a request that
 * arrives early waits for the missing lower ones; the last responses are kept for clients that resend a
 * request whose response they lost (§14.3). Not thread-safe: the session guards it.
 *
 * @param <P> a request waiting for its turn
 */
final class RidWindow<P> {
    private final int size;
    private final TreeMap<Long, P> early = new TreeMap<>();
    private final Map<Long, Sent> responses;
    private long last;

    /**
     * @param firstRid rid of the session creation request
     * @param size     the number of simultaneous requests allowed: the window's width and the cache size
     */
    RidWindow(long firstRid, int size) {
        this(firstRid, size, size);
    }

    /** @param kept the most responses kept for resends (more than {@code size} for clients that acknowledge) */
    RidWindow(long firstRid, int size, int kept) {
        this.size = size;
        this.last = firstRid - 1;
        this.responses = new LinkedHashMap<>(kept * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Sent> eldest) {
                return size() > kept;
            }
        };
    }

    /** The highest rid processed so far (all lower ones were processed too). */
    long last() {
        return last;
    }

    /** Whether {@code rid} was processed already (a repeat). */
    boolean seen(long rid) {
        return rid <= last;
    }

    /** Whether a new {@code rid} lies in the window after the last processed one (§14.2). */
    boolean acceptable(long rid) {
        return rid > last && rid <= last + size;
    }

    /** Parks a request until it is its turn; see {@link #next()}. */
    void add(long rid, P request) {
        early.put(rid, request);
    }

    /** The request parked under {@code rid}, if any. */
    P waiting(long rid) {
        return early.get(rid);
    }

    void replace(long rid, P request) {
        early.replace(rid, request);
    }

    /** The next request in rid order if it has arrived (it then counts as processed), else null. */
    P next() {
        P p = early.remove(last + 1);
        if (p != null) {
            last++;
        }
        return p;
    }

    /** Requests parked behind a missing rid. */
    int waitingCount() {
        return early.size();
    }

    /** Gives up on the missing rids below the first parked request, so that it is next. */
    void skipGap() {
        if (!early.isEmpty()) {
            last = Math.max(last, early.firstKey() - 1);
        }
    }

    /** Removes and returns every parked request, lowest rid first. */
    List<P> drain() {
        List<P> all = new ArrayList<>(early.values());
        early.clear();
        return all;
    }

    /** A response and when it was sent (the scheduler's monotonic millis). */
    private record Sent(String body, long at) {
    }

    void remember(long rid, String response, long nowMillis) {
        responses.put(rid, new Sent(response, nowMillis));
    }

    /** The client acknowledged the responses up to {@code rid} (§9.2): they need not be kept any longer. */
    void acknowledged(long rid) {
        responses.keySet().removeIf(r -> r <= rid);
    }

    /** The response sent to {@code rid}, if it is still kept. */
    String response(long rid) {
        Sent s = responses.get(rid);
        return s == null ? null : s.body;
    }

    /** When the response to {@code rid} was sent (epoch millis), or null if it is not kept. */
    Long sentAt(long rid) {
        Sent s = responses.get(rid);
        return s == null ? null : s.at;
    }
}
