package org.parley.feature.presence;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6121 §4 with several resources per account. */
class PresenceBroadcastTest {
    final ImFixture im = new ImFixture();

    static Set<String> senders(List<Presence> l) {
        return l.stream().map(p -> p.getFrom().toString()).collect(Collectors.toSet());
    }

    static List<Presence> available(ImSession s) {
        return s.presences().stream().filter(p -> p.getType() == null).toList();
    }

    @Test
    void presenceAcrossTwoResourcesEach() {
        ImSession alicePhone = im.login("alice@example.org/phone");
        ImSession bobDesk = im.login("bob@example.org/desk");
        im.befriend(alicePhone, bobDesk);
        ImSession aliceLaptop = im.login("alice@example.org/laptop");
        // The new resource learns about the contact and about the account's other resource.
        assertEquals(Set.of("bob@example.org/desk", "alice@example.org/phone", "alice@example.org/laptop"),
                senders(available(aliceLaptop)));
        assertTrue(senders(available(bobDesk)).contains("alice@example.org/laptop"));

        ImSession bobMobile = im.server.bind("bob@example.org/mobile");
        im.rosterGet(bobMobile, null);
        im.available(bobMobile, 5, "on the go");
        assertEquals(Set.of("alice@example.org/phone", "alice@example.org/laptop", "bob@example.org/desk",
                "bob@example.org/mobile"), senders(available(bobMobile)));

        alicePhone.clear();
        aliceLaptop.clear();
        bobDesk.clear();
        Presence away = new Presence();
        away.setShow(Presence.Show.away);
        away.setStatus("lunch");
        away.setPriority(-1);
        away.addChildElement("c", "http://jabber.org/protocol/caps").addAttribute("ver", "abc=");
        im.server.send(bobMobile, away);
        Presence seen = available(alicePhone).get(0);
        assertEquals("bob@example.org/mobile", seen.getFrom().toString());
        assertEquals("alice@example.org", seen.getTo().toString(), "broadcasts address the contact's bare JID");
        assertEquals(Presence.Show.away, seen.getShow());
        assertEquals("lunch", seen.getStatus());
        assertEquals(-1, seen.getPriority());
        assertEquals("abc=", seen.getChildElement("c", "http://jabber.org/protocol/caps").attributeValue("ver"),
                "extensions pass untouched");
        assertEquals(1, available(aliceLaptop).size());
        assertEquals(1, available(bobDesk).size(), "own other resources get it");
        assertEquals(1, available(bobMobile).stream().filter(p -> "lunch".equals(p.getStatus())).count(), "echo");

        alicePhone.clear();
        bobDesk.clear();
        im.server.close(bobMobile);
        assertEquals("bob@example.org/mobile", alicePhone.presences(Presence.Type.unavailable).get(0).getFrom().toString());
        assertEquals("bob@example.org/mobile", bobDesk.presences(Presence.Type.unavailable).get(0).getFrom().toString());
    }

    @Test
    void unavailableBroadcastAndReturn() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        bob.clear();
        im.server.send(alice, new Presence(Presence.Type.unavailable));
        assertFalse(alice.isAvailable());
        assertEquals(1, bob.presences(Presence.Type.unavailable).size());
        bob.clear();
        alice.clear();
        im.available(alice, 0, "back");
        assertEquals("back", available(bob).get(0).getStatus());
        assertTrue(senders(available(alice)).contains("bob@example.org/desk"), "initial again: probes answered");
    }

    @Test
    void offlineContactsAnswerUnavailable() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        im.server.close(bob);
        im.server.close(alice);
        ImSession again = im.login("alice@example.org/phone");
        Presence p = again.presences(Presence.Type.unavailable).get(0);
        assertEquals("bob@example.org", p.getFrom().toString());
    }

    @Test
    void notSubscribedSeesNothing() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession carol = im.login("carol@example.org/pc");
        assertTrue(available(carol).stream().noneMatch(p -> p.getFrom().getNode().equals("alice")));
        carol.clear();
        im.available(alice, 0, "hello");
        assertTrue(carol.presences().isEmpty());
    }

    @Test
    void directedPresenceIsWithdrawnOnUnavailableAndOnClose() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession carol = im.login("carol@example.org/pc");
        Presence directed = new Presence();
        directed.setTo("carol@example.org/pc");
        directed.setStatus("psst");
        im.server.send(alice, directed);
        assertEquals("psst", available(carol).stream().filter(p -> p.getFrom().getNode().equals("alice"))
                .findFirst().orElseThrow().getStatus());
        carol.clear();
        im.server.close(alice);
        Presence gone = carol.presences(Presence.Type.unavailable).get(0);
        assertEquals("alice@example.org/phone", gone.getFrom().toString());
    }

    @Test
    void directedPresenceBeforeInitialPresenceStillWithdrawn() {
        ImSession alice = im.server.bind("alice@example.org/phone");
        ImSession carol = im.login("carol@example.org/pc");
        Presence directed = new Presence();
        directed.setTo("carol@example.org");
        im.server.send(alice, directed);
        carol.clear();
        im.server.send(alice, new Presence(Presence.Type.unavailable));
        assertEquals(1, carol.presences(Presence.Type.unavailable).size());
    }

    @Test
    void probes() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        ImSession carol = im.login("carol@example.org/pc");
        im.befriend(alice, bob);
        alice.clear();
        carol.clear();
        Presence probe = new Presence(Presence.Type.probe);
        probe.setTo("bob@example.org");
        im.server.send(alice, probe);
        assertEquals("bob@example.org/desk", available(alice).get(0).getFrom().toString());
        probe = new Presence(Presence.Type.probe);
        probe.setTo("bob@example.org");
        im.server.send(carol, probe);
        assertTrue(available(carol).isEmpty(), "no subscription, nothing revealed");
        assertTrue(bob.presences(Presence.Type.probe).isEmpty(), "probes are answered by the server");
    }

    @Test
    void badPriorityIsRefused() {
        ImSession alice = im.server.bind("alice@example.org/phone");
        Presence p = new Presence();
        p.getElement().addElement("priority").setText("500");
        im.server.send(alice, p);
        assertFalse(alice.isAvailable());
        Presence error = alice.presences(Presence.Type.error).get(0);
        assertEquals(PacketError.Condition.bad_request, error.getError().getCondition());
    }

    @Test
    void rosterCacheFollowsSessions() {
        ImSession a1 = im.login("alice@example.org/phone");
        ImSession a2 = im.login("alice@example.org/laptop");
        assertTrue(im.rosters.isCached(new JID("alice@example.org")));
        im.server.close(a1);
        assertTrue(im.rosters.isCached(new JID("alice@example.org")));
        im.server.close(a2);
        assertFalse(im.rosters.isCached(new JID("alice@example.org")));
    }

    @Test
    void broadcastsReadNoStorage() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        int loads = im.storage.loads.get();
        for (int i = 0; i < 5; i++) {
            im.available(alice, 0, "status " + i);
        }
        ImSession laptop = im.login("alice@example.org/laptop");
        assertNotNull(laptop);
        assertEquals(loads, im.storage.loads.get());
    }
}
