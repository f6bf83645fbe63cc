package org.parley.it.client;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
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
import org.parley.it.support.Inbox;
import org.parley.it.support.TestAccounts.Account;

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

        RosterPacket first = (RosterPacket) c.sendIqRequestAndWaitForResponse(rosterGet(""));
        String v1 = first.getVersion();
        assertNotNull(v1, "RFC 6121 §2.6.2: a result to a request with ver carries ver");
        assertFalse(v1.isEmpty());
        assertTrue(first.getRosterItems().stream().anyMatch(i -> i.getJid().equals(dave.jid())));

        // unchanged roster: an empty result, or the roster again with the same version (§2.6.3)
        IQ same = c.sendIqRequestAndWaitForResponse(rosterGet(v1));
        assertEquals(IQ.Type.result, same.getType());
        if (same instanceof RosterPacket rp) {
            assertEquals(v1, rp.getVersion());
        }

        // a change produces a push with a new version (§2.6.4)
        String v2;
        try (Inbox<Stanza> pushes = Inbox.of(c, s -> s instanceof RosterPacket rp && rp.getType() == IQ.Type.set)) {
            Roster.getInstanceFor(c).getEntry(dave.jid()).setName("Dave (renamed)");
            RosterPacket push = (RosterPacket) pushes.next("a roster push after renaming");
            v2 = push.getVersion();
            assertNotNull(v2, "pushes carry ver when versioning is used");
            assertNotEquals(v1, v2);
        }

        // asking with the old version yields the change: the full roster or pushes with the new version
        try (Inbox<Stanza> pushes = Inbox.of(c, s -> s instanceof RosterPacket rp && rp.getType() == IQ.Type.set)) {
            IQ since = c.sendIqRequestAndWaitForResponse(rosterGet(v1));
            if (since instanceof RosterPacket rp) {
                assertEquals(v2, rp.getVersion());
                assertTrue(rp.getRosterItems().stream().anyMatch(i -> "Dave (renamed)".equals(i.getName())));
            } else {
                RosterPacket push = (RosterPacket) pushes.next("pushes of what changed since " + v1);
                assertEquals(v2, push.getVersion());
            }
        }
    }

    private static RosterPacket rosterGet(String ver) {
        RosterPacket get = new RosterPacket();
        get.setType(IQ.Type.get);
        get.setVersion(ver);
        return get;
    }
}
