package org.parley.feature.ping;

import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.Sessions;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Server-initiated pings (XEP-0199 §4.2): a session idle for an interval (no stanza received from it) is
 * pinged from its domain; without an answer within the timeout its stream ends with connection-timeout.
 * Any answer, errors included (a client without ping support answers service-unavailable), proves liveness.
 */
final class IdlePinger {
    private final Sessions sessions;
    private final BiConsumer<IQ, Consumer<IQ>> request;
    private final BiConsumer<Runnable, Long> later;
    private final LongSupplier clock;
    private final PingTiming timing;
    private final String idPrefix = "ping-" + Long.toHexString(System.nanoTime()) + "-";
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param request sends a server IQ and calls back with its answer (the core ends unanswered requests
     *                at their deadline and when the session ends)
     * @param later   runs a task after a delay in milliseconds
     * @param clock   monotonic milliseconds
     */
    IdlePinger(Sessions sessions, BiConsumer<IQ, Consumer<IQ>> request,
               BiConsumer<Runnable, Long> later, LongSupplier clock, PingTiming timing) {
        this.sessions = sessions;
        this.request = request;
        this.later = later;
        this.clock = clock;
        this.timing = timing;
    }

    /** One pass over the bound sessions; cheap for the active ones (a field read each). */
    void sweep() {
        long now = clock.getAsLong();
        for (ClientSessionView s : sessions.all()) {
            Liveness l = Liveness.of(s, now);
            long interval = timing.interval(s.domain());
            if (interval > 0 && l.pending() == null && now - l.lastActivity() >= interval) {
                ping(s.jid(), l);
            }
        }
    }

    void ping(JID session, Liveness l) {
        String id = idPrefix + ids.incrementAndGet();
        if (!l.startPing(id)) {
            return;
        }
        IQ ping = new IQ(IQ.Type.get, id);
        ping.setFrom(session.getDomain());
        ping.setTo(session);
        ping.setChildElement("ping", PingModule.NS);
        later.accept(() -> timedOut(session, l, id), timing.timeout(session.getDomain()));
        request.accept(ping, reply -> {
            // remote-server-timeout is the core giving up waiting (parley.iq.reply.timeout.seconds), not an
            // answer: the ping's own timeout decides then
            if (!isCoreTimeout(reply) && l.endPing(id)) {
                l.touch(clock.getAsLong());
            }
        });
    }

    private static boolean isCoreTimeout(IQ reply) {
        PacketError e = reply.getType() == IQ.Type.error ? reply.getError() : null;
        return e != null && e.getCondition() == PacketError.Condition.remote_server_timeout;
    }

    private void timedOut(JID session, Liveness l, String id) {
        if (l.endPing(id)) {
            sessions.kick(session, "connection-timeout", "no answer to ping");
        }
    }

    /** The session ended: a ping still waiting is over (the core drops its request). */
    void closed(ClientSessionView session) {
        Liveness l = session.attribute(Liveness.ATTRIBUTE);
        if (l != null) {
            l.cancel();
        }
    }
}
