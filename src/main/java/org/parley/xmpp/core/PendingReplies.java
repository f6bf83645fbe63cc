package org.parley.xmpp.core;

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Callbacks of IQs the server sent (e.g. XEP-0199 pings to clients), waiting for the answer. An entry ends
 * with the first of: the answer (type result or error, same id, from the entity the request went to), its
 * deadline ({@code remote-server-timeout} error to the callback), or the end of the addressed session
 * ({@code service-unavailable}, as the router answers an IQ to a full JID that has no session). Without the
 * last two a client that never answers would leave its callback here for good.
 */
final class PendingReplies {
    private static final Logger LOG = Logger.getLogger(PendingReplies.class.getName());

    private record Pending(IQ request, Consumer<IQ> callback, long deadline) {
    }

    private record Deadline(JID target, String id, Pending pending) {
    }

    /** By addressee, then by id; inner maps are only touched inside the outer map's atomic compute calls. */
    private final Map<JID, Map<String, Pending>> byTarget = new ConcurrentHashMap<>();
    /** The timeout is the same for all, so deadlines come in insertion order: expiry reads from the head. */
    private final Queue<Deadline> deadlines = new ConcurrentLinkedQueue<>();
    private final LongSupplier clockMillis;
    private final long timeoutMillis;

    /**
     * @param clockMillis   monotonic milliseconds
     * @param timeoutMillis how long an answer is waited for
     */
    PendingReplies(LongSupplier clockMillis, long timeoutMillis) {
        this.clockMillis = clockMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /** Waits for the answer to {@code request} (which has an id and a 'to'). */
    void expect(IQ request, Consumer<IQ> callback) {
        JID target = request.getTo();
        String id = request.getID();
        if (target == null || id == null) {
            throw new IllegalArgumentException("a server request needs 'to' and 'id': " + request.toXML());
        }
        Pending p = new Pending(request, callback, clockMillis.getAsLong() + timeoutMillis);
        byTarget.compute(target, (k, m) -> {
            Map<String, Pending> ids = m == null ? new HashMap<>(2) : m;
            ids.put(id, p);
            return ids;
        });
        deadlines.add(new Deadline(target, id, p));
    }

    /** An IQ result or error addressed to the server: true if it answered a request (its callback ran). */
    boolean answer(IQ reply) {
        JID from = reply.getFrom();
        String id = reply.getID();
        if (from == null || id == null) {
            return false;
        }
        Pending p = remove(from, id, null);
        if (p == null) {
            return false;
        }
        call(p, reply);
        return true;
    }

    /** Ends the requests whose deadline has passed, each with remote-server-timeout. */
    void expire() {
        long now = clockMillis.getAsLong();
        for (Deadline d = deadlines.peek(); d != null && d.pending.deadline - now <= 0; d = deadlines.peek()) {
            deadlines.poll();
            if (remove(d.target, d.id, d.pending) != null) {
                call(d.pending, error(d.pending.request, PacketError.Condition.remote_server_timeout));
            }
        }
    }

    /** The session {@code fullJid} ended: what was sent to it will never be answered. */
    void sessionEnded(JID fullJid) {
        Map<String, Pending> gone = byTarget.remove(fullJid);
        if (gone == null) {
            return;
        }
        // the inner map left the outer one atomically: nobody else reads or writes it any more
        for (Pending p : gone.values()) {
            call(p, error(p.request, PacketError.Condition.service_unavailable));
        }
    }

    /** Requests still waiting (for metrics and tests). */
    int size() {
        int n = 0;
        for (JID target : byTarget.keySet()) {
            int[] count = new int[1];
            byTarget.computeIfPresent(target, (k, m) -> {
                count[0] = m.size();
                return m;
            });
            n += count[0];
        }
        return n;
    }

    /** Removes the entry (only if it is {@code expected}, when given); the removed entry or null. */
    private Pending remove(JID target, String id, Pending expected) {
        Pending[] removed = new Pending[1];
        byTarget.computeIfPresent(target, (k, m) -> {
            Pending p = m.get(id);
            if (p != null && (expected == null || p == expected)) {
                removed[0] = m.remove(id);
            }
            return m.isEmpty() ? null : m;
        });
        return removed[0];
    }

    /** The error the addressee's server would have answered with (to and from swapped, same id). */
    private static IQ error(IQ request, PacketError.Condition condition) {
        IQ e = new IQ(IQ.Type.error, request.getID());
        e.setFrom(request.getTo());
        e.setTo(request.getFrom());
        e.setError(condition);
        return e;
    }

    private static void call(Pending p, IQ answer) {
        try {
            p.callback.accept(answer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "callback of server request " + p.request.getID() + " failed", e);
        }
    }
}
