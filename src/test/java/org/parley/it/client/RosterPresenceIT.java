package org.parley.it.client;

import org.dom4j.Element;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.Await;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.TestAccounts.Account;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roster and presence subscriptions (RFC 6121 §2, §3, §4) between two users with two resources each. */
class RosterPresenceIT extends ClientTestBase {

    /** Makes A and B mutual contacts through the real approval flow; returns when both see 'both'. */
    private void subscribeEachOther(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        Roster ra = Roster.getInstanceFor(a);
        Roster rb = Roster.getInstanceFor(b);
        ra.setSubscriptionMode(Roster.SubscriptionMode.manual);
        rb.setSubscriptionMode(Roster.SubscriptionMode.manual);
        BareJid aJid = a.getUser().asBareJid();
        BareJid bJid = b.getUser().asBareJid();
        // B approves A's request and asks back; A approves B's request
        rb.addSubscribeListener((from, presence) -> from.equals(aJid) ? SubscribeAnswer.ApproveAndAlsoRequestIfRequired : null);
        ra.addSubscribeListener((from, presence) -> from.equals(bJid) ? SubscribeAnswer.Approve : null);
        ra.reloadAndWait();
        rb.reloadAndWait();

        ra.createItemAndRequestSubscription(bJid, "Bee", new String[]{"Friends"});

        Await.value("A's roster item for B with subscription both", () -> type(ra, bJid),
                t -> t == RosterPacket.ItemType.both);
        Await.value("B's roster item for A with subscription both", () -> type(rb, aJid),
                t -> t == RosterPacket.ItemType.both);
    }

    private static RosterPacket.ItemType type(Roster r, BareJid jid) {
        RosterEntry e = r.getEntry(jid);
        return e == null ? null : e.getType();
    }

    private static Set<String> availableResources(Roster r, BareJid jid) {
        return r.getAvailablePresences(jid).stream().filter(Presence::isAvailable)
                .map(p -> p.getFrom().getResourceOrEmpty().toString()).collect(Collectors.toSet());
    }

    @Test
    void mutualSubscriptionAndPresenceAcrossTwoResourcesEach() throws Exception {
        Account alice = accounts.create("alice");
        Account bob = accounts.create("bob");
        XMPPTCPConnection a1 = login(alice, "a1");
        XMPPTCPConnection b1 = login(bob, "b1");
        subscribeEachOther(a1, b1);
        BareJid aJid = alice.jid();
        BareJid bJid = bob.jid();
        Roster ra1 = Roster.getInstanceFor(a1);
        Roster rb1 = Roster.getInstanceFor(b1);

        RosterEntry bee = ra1.getEntry(bJid);
        assertEquals("Bee", bee.getName());
        assertEquals(List.of("Friends"), bee.getGroups().stream().map(g -> g.getName()).toList());
        assertTrue(ra1.iAmSubscribedTo(bJid));
        assertTrue(ra1.isSubscribedToMyPresence(bJid));

        // each sees the other's initial presence once subscribed (RFC 6121 §3.1.6, §4.2.2)
        Await.until("A1 to see B1 available", () -> availableResources(ra1, bJid).contains("b1"));
        Await.until("B1 to see A1 available", () -> availableResources(rb1, aJid).contains("a1"));

        // second resources, with priorities
        XMPPTCPConnection a2 = login(alice, "a2");
        sendPresence(a2, 5, Presence.Mode.available, "second device");
        XMPPTCPConnection b2 = login(bob, "b2");
        sendPresence(b2, 10, Presence.Mode.chat, "on the phone");
        Roster ra2 = Roster.getInstanceFor(a2);
        Roster rb2 = Roster.getInstanceFor(b2);

        // the new resources receive the contacts' current presence (RFC 6121 §4.2.2 probes)
        Await.value("A1 to see both of B's resources", () -> availableResources(ra1, bJid),
                s -> s.equals(Set.of("b1", "b2")));
        Await.value("A2 to see both of B's resources", () -> availableResources(ra2, bJid),
                s -> s.equals(Set.of("b1", "b2")));
        Await.value("B2 to see both of A's resources", () -> availableResources(rb2, aJid),
                s -> s.equals(Set.of("a1", "a2")));

        FullJid b2Full = JidCreate.fullFrom(bJid + "/b2");
        Presence fromB2 = ra1.getPresenceResource(b2Full);
        assertEquals(10, fromB2.getPriority());
        assertEquals(Presence.Mode.chat, fromB2.getMode());
        assertEquals("on the phone", fromB2.getStatus());
        assertEquals(b2Full, ra1.getPresence(bJid).getFrom(), "the highest priority resource wins");

        // a presence update with custom status reaches every resource of the contact (RFC 6121 §4.4)
        sendPresence(b1, 1, Presence.Mode.dnd, "In a meeting \u2014 back at 3");
        FullJid b1Full = JidCreate.fullFrom(bJid + "/b1");
        for (Roster r : List.of(ra1, ra2)) {
            Presence p = Await.value("B1's new status", () -> r.getPresenceResource(b1Full),
                    x -> "In a meeting \u2014 back at 3".equals(x.getStatus()));
            assertEquals(Presence.Mode.dnd, p.getMode());
            assertEquals(1, p.getPriority());
        }

        // a resource going offline is seen as unavailable (RFC 6121 §4.5)
        b2.disconnect();
        Await.value("A1 to see B2 gone", () -> availableResources(ra1, bJid), s -> s.equals(Set.of("b1")));
        Await.value("A2 to see B2 gone", () -> availableResources(ra2, bJid), s -> s.equals(Set.of("b1")));

        // the roster is stored: a new session of A gets B with subscription both
        XMPPTCPConnection a3 = login(alice, "a3");
        Roster ra3 = Roster.getInstanceFor(a3);
        ra3.reloadAndWait();
        assertEquals(RosterPacket.ItemType.both, type(ra3, bJid));
        assertEquals("Bee", ra3.getEntry(bJid).getName());
        Await.until("A3 to see B1 available", () -> availableResources(ra3, bJid).contains("b1"));
    }

    @Test
    void rosterVersioningReturnsVersionsAndOnlyChanges() throws Exception {
        Account carol = accounts.create("carol");
        Account dave = accounts.create("dave");
        XMPPTCPConnection c = login(carol, "c1");
        XMPPTCPConnection d = login(dave, "d1");
        subscribeEachOther(c, d);
        assertTrue(c.hasFeature("ver", "urn:xmpp:features:rosterver"),
                "RFC 6121 §2.6.1: the rosterver stream feature");

        // A raw second resource of Carol: Smack hides roster pushes and ver attributes from tests.
        Duration t = Duration.ofMillis(ItConfig.timeoutMillis());
        try (RawXmpp raw = RawXmpp.connect()) {
            raw.loginPlain(carol.username(), carol.password(), "raw");
            Element first = rosterGet(raw, "r1", "", t);
            String v1 = first.element("query").attributeValue("ver");
            assertNotNull(v1, "RFC 6121 §2.6.3: a roster result to a request with ver carries ver: " + first.asXML());
            assertFalse(v1.isEmpty());
            assertTrue(items(first).contains(dave.jid().toString()), first.asXML());

            // unchanged roster: an empty result, or the roster again with the same version (§2.6.3)
            Element same = rosterGet(raw, "r2", v1, t);
            if (same.element("query") != null) {
                assertEquals(v1, same.element("query").attributeValue("ver"), same.asXML());
            }

            // a change produces a push with a new version (§2.6.4)
            Roster.getInstanceFor(c).getEntry(dave.jid()).setName("Dave (renamed)");
            Element push = raw.await(e -> "iq".equals(e.getName()) && "set".equals(e.attributeValue("type"))
                    && e.element("query") != null && e.element("query").element("item") != null
                    && "Dave (renamed)".equals(e.element("query").element("item").attributeValue("name")), t)
                    .orElseThrow(() -> new AssertionError("no roster push after renaming: " + raw.received()));
            raw.send("<iq type='result' id='" + push.attributeValue("id") + "'/>");
            String v2 = push.element("query").attributeValue("ver");
            assertNotNull(v2, "pushes carry ver when the client uses versioning: " + push.asXML());
            assertNotEquals(v1, v2);

            // asking with the old version yields the change: the full roster, or pushes with the new version
            Element since = rosterGet(raw, "r3", v1, t);
            if (since.element("query") != null) {
                assertEquals(v2, since.element("query").attributeValue("ver"), since.asXML());
                assertTrue(since.asXML().contains("Dave (renamed)"), since.asXML());
            } else {
                long pushes = raw.elements().stream().filter(e -> "set".equals(e.attributeValue("type"))
                        && e.element("query") != null && v2.equals(e.element("query").attributeValue("ver"))).count();
                assertTrue(pushes >= 2, "an empty result must be followed by pushes of the changes: " + raw.received());
            }
            // and asking with the current version: nothing new
            Element current = rosterGet(raw, "r4", v2, t);
            if (current.element("query") != null) {
                assertEquals(v2, current.element("query").attributeValue("ver"), current.asXML());
            }
        }
    }

    private static Element rosterGet(RawXmpp raw, String id, String ver, Duration t) throws Exception {
        raw.send("<iq type='get' id='" + id + "'><query xmlns='jabber:iq:roster' ver='" + ver + "'/></iq>");
        Element r = raw.await(e -> "iq".equals(e.getName()) && id.equals(e.attributeValue("id")), t)
                .orElseThrow(() -> new AssertionError("no roster result for " + id + ": " + raw.received()));
        assertEquals("result", r.attributeValue("type"), r.asXML());
        return r;
    }

    private static List<String> items(Element rosterResult) {
        return rosterResult.element("query").elements("item").stream().map(i -> i.attributeValue("jid")).toList();
    }
}
