package org.parley.feature.ping;

import org.junit.jupiter.api.Test;
import org.parley.feature.sessionfakes.FakeSession;
import org.parley.feature.sessionfakes.FakeSessions;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdlePingerTest {
    private long now = 1_000_000;
    private final FakeSessions sessions = new FakeSessions();
    private final List<IQ> pings = new ArrayList<>();
    /** Like the router: callbacks by id until an answer with that id is routed. */
    private final Map<String, Consumer<IQ>> pending = new HashMap<>();
    private final List<Runnable> timeouts = new ArrayList<>();
    private final IdlePinger pinger = new IdlePinger(sessions,
            (iq, cb) -> {
                pings.add(iq);
                pending.put(iq.getID(), cb);
            },
            (task, ms) -> {
                assertEquals(30_000L, ms);
                timeouts.add(task);
            }, () -> now, PingTiming.uniform(60_000, 30_000));

    private void route(Packet p) {
        Consumer<IQ> cb = pending.remove(((IQ) p).getID());
        if (cb != null) {
            cb.accept((IQ) p);
        }
    }

    private void answer(IQ ping, IQ.Type type) {
        IQ reply = new IQ(type, ping.getID());
        reply.setFrom(ping.getTo());
        reply.setTo(ping.getFrom());
        route(reply);
    }

    private void runTimeouts() {
        List<Runnable> due = new ArrayList<>(timeouts);
        timeouts.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void activeSessionsAreNotPinged() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness.of(s, now);
        now += 59_000;
        pinger.sweep();
        assertTrue(pings.isEmpty());
    }

    @Test
    void idleSessionIsPingedFromItsDomainAndAnswerKeepsIt() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness.of(s, now);
        now += 60_000;
        pinger.sweep();
        assertEquals(1, pings.size());
        IQ ping = pings.get(0);
        assertEquals(IQ.Type.get, ping.getType());
        assertEquals("capulet.com", ping.getFrom().toString());
        assertEquals(s.jid(), ping.getTo());
        assertEquals("ping", ping.getChildElement().getName());
        assertEquals(PingModule.NS, ping.getChildElement().getNamespaceURI());

        pinger.sweep(); // already waiting for an answer: no second ping
        assertEquals(1, pings.size());

        answer(ping, IQ.Type.result);
        runTimeouts();
        assertTrue(sessions.kicked.isEmpty());
        assertEquals(now, Liveness.of(s, 0).lastActivity());
        assertNull(Liveness.of(s, 0).pending());
    }

    @Test
    void anErrorAnswerAlsoProvesLiveness() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness.of(s, now - 120_000);
        pinger.sweep();
        answer(pings.get(0), IQ.Type.error);
        runTimeouts();
        assertTrue(sessions.kicked.isEmpty());
    }

    @Test
    void noAnswerInTimeEndsTheSession() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness.of(s, now - 60_000);
        pinger.sweep();
        runTimeouts();
        assertEquals(List.of("juliet@capulet.com/balcony connection-timeout"), sessions.kicked);
    }

    @Test
    void theCoreGivingUpWaitingIsNoAnswer() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness l = Liveness.of(s, now - 60_000);
        pinger.sweep();
        IQ ping = pings.get(0);
        IQ gaveUp = new IQ(IQ.Type.error, ping.getID());
        gaveUp.setFrom(ping.getTo());
        gaveUp.setTo(ping.getFrom());
        gaveUp.setError(PacketError.Condition.remote_server_timeout);
        route(gaveUp);
        assertEquals(ping.getID(), l.pending(), "still waiting for the client");
        runTimeouts();
        assertEquals(List.of("juliet@capulet.com/balcony connection-timeout"), sessions.kicked);
    }

    @Test
    void closingASessionEndsItsPing() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness.of(s, now - 60_000);
        pinger.sweep();
        pinger.closed(s);
        assertNull(Liveness.of(s, 0).pending());
        runTimeouts();
        assertTrue(sessions.kicked.isEmpty());
    }

    @Test
    void lateAnswerAfterTimeoutChangesNothing() {
        FakeSession s = sessions.add("juliet@capulet.com/balcony");
        Liveness l = Liveness.of(s, now - 60_000);
        pinger.sweep();
        IQ ping = pings.get(0);
        runTimeouts();
        answer(ping, IQ.Type.result);
        assertEquals(now - 60_000, l.lastActivity());
        assertEquals(new JID("juliet@capulet.com/balcony"), ping.getTo());
    }

    @Test
    void aDomainWithItsOwnIntervalIsPingedSoonerThanTheOthers() {
        List<Long> delays = new ArrayList<>();
        IdlePinger perDomain = new IdlePinger(sessions, (iq, cb) -> pings.add(iq),
                (task, ms) -> delays.add(ms), () -> now,
                new PingTiming(60_000, 30_000, Map.of("montague.net", new long[]{5_000, 4_000})));
        FakeSession romeo = sessions.add("romeo@montague.net/orchard");
        FakeSession juliet = sessions.add("juliet@capulet.com/balcony");
        Liveness.of(romeo, now);
        Liveness.of(juliet, now);
        now += 5_000;
        perDomain.sweep();
        assertEquals(1, pings.size());
        assertEquals(romeo.jid(), pings.get(0).getTo());
        assertEquals(List.of(4_000L), delays, "the domain's own answer timeout");
    }
}
