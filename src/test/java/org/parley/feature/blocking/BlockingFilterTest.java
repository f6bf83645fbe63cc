package org.parley.feature.blocking;

import org.junit.jupiter.api.Test;
import org.parley.feature.sessionfakes.FakeSession;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockingFilterTest {
    private final Map<String, Blocklist> lists = Map.of(
            "juliet@capulet.com", Blocklist.parse(List.of("romeo@montague.net", "capulet.com", "nurse@capulet.com")),
            "nurse@capulet.com", Blocklist.parse(List.of("tybalt@capulet.com")));
    private final List<Packet> routed = new ArrayList<>();
    private final BlockingFilter filter = new BlockingFilter(
            jid -> lists.getOrDefault(jid.toBareJID(), Blocklist.EMPTY),
            d -> d.equals("capulet.com"), routed::add);

    private static <T extends Packet> T from(T p, String from, String to) {
        p.setFrom(from);
        p.setTo(to);
        return p;
    }

    @Test
    void messageFromBlockedJidIsBouncedServiceUnavailable() {
        Message m = from(new Message(), "romeo@montague.net/orchard", "juliet@capulet.com");
        m.setBody("hi");
        assertTrue(filter.inbound(m, null));
        assertEquals(1, routed.size());
        Packet error = routed.get(0);
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
        assertEquals("romeo@montague.net/orchard", error.getTo().toString());
    }

    @Test
    void presenceFromBlockedJidIsDroppedSilently() {
        assertTrue(filter.inbound(from(new Presence(), "romeo@montague.net/orchard", "juliet@capulet.com"), null));
        Presence probe = from(new Presence(Presence.Type.probe), "romeo@montague.net", "juliet@capulet.com");
        assertTrue(filter.inbound(probe, null));
        assertTrue(routed.isEmpty());
    }

    @Test
    void iqGetFromBlockedJidGetsServiceUnavailableAndResultsAreDropped() {
        IQ get = from(new IQ(IQ.Type.get), "romeo@montague.net/orchard", "juliet@capulet.com/balcony");
        get.setChildElement("query", "jabber:iq:version");
        assertTrue(filter.inbound(get, null));
        assertEquals(PacketError.Condition.service_unavailable, routed.get(0).getError().getCondition());
        assertEquals(get.getID(), ((IQ) routed.get(0)).getID());
        routed.clear();
        assertTrue(filter.inbound(from(new IQ(IQ.Type.result), "romeo@montague.net/orchard", "juliet@capulet.com/balcony"), null));
        assertTrue(routed.isEmpty());
    }

    @Test
    void headlineFromBlockedJidIsDroppedWithoutError() {
        Message m = from(new Message(), "romeo@montague.net", "juliet@capulet.com");
        m.setType(Message.Type.headline);
        assertTrue(filter.inbound(m, null));
        assertTrue(routed.isEmpty());
    }

    @Test
    void unblockedSendersPass() {
        assertFalse(filter.inbound(from(new Message(), "benvolio@montague.net/x", "juliet@capulet.com"), null));
        assertFalse(filter.inbound(from(new Message(), "romeo@montague.net/x", "nurse@capulet.com"), null));
    }

    @Test
    void theServerAndTheUsersOwnResourcesAreNeverBlocked() {
        // juliet blocked her own domain: her server (pings, pushes) and her own resources still reach her
        assertFalse(filter.inbound(from(new IQ(IQ.Type.get), "capulet.com", "juliet@capulet.com/balcony"), null));
        assertFalse(filter.inbound(from(new Message(), "juliet@capulet.com/chamber", "juliet@capulet.com/balcony"), null));
        assertTrue(filter.inbound(from(new Message(), "tybalt@capulet.com", "juliet@capulet.com"), null));
    }

    @Test
    void serverRoutedPresenceFromAUserToSomeoneTheyBlockedIsDropped() {
        // nurse blocked tybalt: her presence broadcast to tybalt must not reach him
        Presence p = from(new Presence(), "nurse@capulet.com/home", "tybalt@capulet.com");
        assertTrue(filter.inbound(p, null));
        assertTrue(routed.isEmpty());
    }

    @Test
    void outboundToBlockedJidIsAnsweredNotAcceptableBlocked() {
        FakeSession juliet = new FakeSession("juliet@capulet.com/balcony");
        Message m = from(new Message(), "juliet@capulet.com/balcony", "romeo@montague.net");
        assertTrue(filter.outbound(m, juliet));
        assertEquals(1, juliet.sent.size());
        Packet error = juliet.sent.get(0);
        assertEquals(PacketError.Condition.not_acceptable, error.getError().getCondition());
        assertEquals("blocked", error.getError().getApplicationConditionName());
        assertEquals("romeo@montague.net", error.getFrom().toString());
    }

    @Test
    void outboundIqResultToBlockedJidIsDroppedWithoutError() {
        FakeSession juliet = new FakeSession("juliet@capulet.com/balcony");
        assertTrue(filter.outbound(from(new IQ(IQ.Type.result), "juliet@capulet.com/balcony", "romeo@montague.net/x"), juliet));
        assertTrue(juliet.sent.isEmpty());
    }

    @Test
    void outboundToOwnServerOrWithoutToPasses() {
        FakeSession juliet = new FakeSession("juliet@capulet.com/balcony");
        assertFalse(filter.outbound(from(new IQ(IQ.Type.get), "juliet@capulet.com/balcony", "capulet.com"), juliet));
        IQ noTo = new IQ(IQ.Type.get);
        noTo.setFrom("juliet@capulet.com/balcony");
        assertFalse(filter.outbound(noTo, juliet));
        assertFalse(filter.outbound(from(new Message(), "juliet@capulet.com/balcony", "benvolio@montague.net"), juliet));
    }

    @Test
    void stanzasRoutedUnfilteredPassTheInboundHook() {
        Presence unavailable = from(new Presence(Presence.Type.unavailable), "nurse@capulet.com/home", "tybalt@capulet.com");
        AtomicReference<BlockingFilter> self = new AtomicReference<>();
        List<Boolean> consumed = new ArrayList<>();
        self.set(new BlockingFilter(jid -> lists.getOrDefault(jid.toBareJID(), Blocklist.EMPTY),
                d -> d.equals("capulet.com"), p -> consumed.add(self.get().inbound(p, null))));
        self.get().routeUnfiltered(unavailable); // the router runs the hook while routing
        assertEquals(List.of(false), consumed);
        assertTrue(self.get().inbound(unavailable, null)); // routed normally it is filtered
    }

    @Test
    void addressesWithoutLocalPartAreNotInbound() {
        assertFalse(filter.inbound(from(new Presence(), "romeo@montague.net", "capulet.com"), null));
    }
}
