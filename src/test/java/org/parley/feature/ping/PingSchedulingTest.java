package org.parley.feature.ping;

import org.junit.jupiter.api.Test;
import org.parley.feature.presence.FakeServer;
import org.parley.feature.presence.ImSession;
import org.xmpp.packet.IQ;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module's timers run on the runtime's scheduler (default timing: ping after 60 s idle, 30 s to answer). */
class PingSchedulingTest {
    final FakeServer server = new FakeServer("example.org");
    final PingModule module = new PingModule();

    @Test
    void anIdleSessionIsPingedThenEndedOnTheSchedulersClock() {
        server.start(module);
        ImSession alice = server.bind("alice@example.org/phone");

        server.scheduler.advance(Duration.ofSeconds(59));
        assertTrue(server.requests.isEmpty(), "idle for less than the interval");
        server.scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, server.requests.size());
        IQ ping = server.requests.get(0);
        assertEquals(alice.jid(), ping.getTo());
        assertEquals(PingModule.NS, ping.getChildElement().getNamespaceURI());

        server.scheduler.advance(Duration.ofSeconds(29));
        assertTrue(server.kicked.isEmpty(), "the answer may still come");
        server.scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("alice@example.org/phone connection-timeout"), server.kicked);
    }

    @Test
    void stoppingTheModuleCancelsItsSweeps() {
        server.start(module);
        assertEquals(1, server.scheduler.pending(), "one periodic sweep");
        module.stop();
        assertEquals(0, server.scheduler.pending());
        server.bind("alice@example.org/phone");
        server.scheduler.advance(Duration.ofMinutes(5));
        assertTrue(server.requests.isEmpty());
    }
}
