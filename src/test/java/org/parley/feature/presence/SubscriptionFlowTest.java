package org.parley.feature.presence;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.feature.roster.Subscription;
import org.xmpp.packet.Presence;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.feature.presence.ImFixture.lastPush;

/** RFC 6121 §3 between two local users, both sides of Appendix A at work. */
class SubscriptionFlowTest {
    final ImFixture im = new ImFixture();

    @Test
    void subscribeAndApprove() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        alice.clear();
        bob.clear();

        im.subscription(alice, Presence.Type.subscribe, "bob@example.org", "It's Alice");
        Element push = lastPush(alice);
        assertEquals("bob@example.org", push.attributeValue("jid"));
        assertEquals("none", push.attributeValue("subscription"));
        assertEquals("subscribe", push.attributeValue("ask"));
        Presence request = bob.presences(Presence.Type.subscribe).get(0);
        assertEquals("alice@example.org", request.getFrom().toString(), "stamped with the bare JID");
        assertEquals("It's Alice", request.getStatus());
        assertTrue(bob.pushes().isEmpty(), "a request does not put the requester on the roster");
        assertTrue(im.item("bob@example.org", "alice@example.org").state().pendingIn());

        alice.clear();
        bob.clear();
        im.subscription(bob, Presence.Type.subscribed, "alice@example.org", null);
        assertEquals("from", lastPush(bob).attributeValue("subscription"));
        assertEquals("alice@example.org", lastPush(bob).attributeValue("jid"));
        Element alicePush = lastPush(alice);
        assertEquals("to", alicePush.attributeValue("subscription"));
        assertNull(alicePush.attributeValue("ask"));
        assertEquals(1, alice.presences(Presence.Type.subscribed).size());
        List<Presence> bobsPresence = alice.presences().stream().filter(p -> p.getType() == null).toList();
        assertEquals(1, bobsPresence.size(), "the approver's presence follows the approval");
        assertEquals("bob@example.org/desk", bobsPresence.get(0).getFrom().toString());

        assertEquals(Subscription.TO, im.storage.stored("alice@example.org", "bob@example.org").subscription());
        assertEquals(Subscription.FROM, im.storage.stored("bob@example.org", "alice@example.org").subscription());
    }

    @Test
    void mutualSubscriptionEndsInBoth() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        assertEquals(Subscription.BOTH, im.item("alice@example.org", "bob@example.org").subscription());
        assertEquals(Subscription.BOTH, im.item("bob@example.org", "alice@example.org").subscription());
        assertFalse(im.item("alice@example.org", "bob@example.org").state().pendingOut());
    }

    @Test
    void requestWaitsForTheContactsNextLoginAndSurvivesRestart() {
        ImSession alice = im.login("alice@example.org/phone");
        im.subscription(alice, Presence.Type.subscribe, "bob@example.org", "please");

        ImFixture restarted = new ImFixture(im.storage);
        ImSession bob = restarted.server.bind("bob@example.org/desk");
        Element query = restarted.rosterGet(bob, null).getChildElement();
        assertTrue(query.elements("item").isEmpty(), "pending requests are not roster items");
        assertTrue(bob.presences(Presence.Type.subscribe).isEmpty(), "requests go to available resources");
        restarted.available(bob, 0, null);
        Presence request = bob.presences(Presence.Type.subscribe).get(0);
        assertEquals("alice@example.org", request.getFrom().toString());
        assertEquals("please", request.getStatus());
        // Alice's side: still asking after the restart.
        assertTrue(restarted.item("alice@example.org", "bob@example.org").state().pendingOut());
    }

    @Test
    void subscribeToUnknownUserIsDroppedSilently() {
        ImSession alice = im.login("alice@example.org/phone");
        im.subscription(alice, Presence.Type.subscribe, "nobody@example.org", null);
        assertTrue(im.server.bounced.isEmpty());
        assertTrue(im.item("alice@example.org", "nobody@example.org").state().pendingOut());
        assertTrue(im.storage.stored("nobody@example.org", "alice@example.org") == null);
    }

    @Test
    void autoApproveCompletesTheSubscription() {
        im.autoApprove(true);
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        alice.clear();
        bob.clear();
        im.subscription(alice, Presence.Type.subscribe, "bob@example.org", null);
        assertTrue(bob.presences(Presence.Type.subscribe).isEmpty(), "the server answered for Bob");
        assertEquals("from", lastPush(bob).attributeValue("subscription"));
        assertEquals("to", lastPush(alice).attributeValue("subscription"));
        assertEquals(1, alice.presences(Presence.Type.subscribed).size());
        assertEquals(1, alice.presences().stream().filter(p -> p.getType() == null).count());
    }

    @Test
    void alreadySubscribedRequestIsAnsweredByTheServer() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        bob.clear();
        alice.clear();
        im.subscription(alice, Presence.Type.subscribe, "bob@example.org", null);
        assertTrue(bob.presences(Presence.Type.subscribe).isEmpty());
        assertTrue(bob.pushes().isEmpty());
    }

    @Test
    void denyingARequestForgetsIt() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.subscription(alice, Presence.Type.subscribe, "bob@example.org", null);
        alice.clear();
        im.subscription(bob, Presence.Type.unsubscribed, "alice@example.org", null);
        assertNull(im.item("bob@example.org", "alice@example.org"), "hidden request removed");
        assertEquals("none", lastPush(alice).attributeValue("subscription"));
        assertNull(lastPush(alice).attributeValue("ask"));
        assertEquals(1, alice.presences(Presence.Type.unsubscribed).size());
    }

    @Test
    void unsubscribeStopsReceivingAndTellsBothSides() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        alice.clear();
        bob.clear();
        im.subscription(alice, Presence.Type.unsubscribe, "bob@example.org", null);
        assertEquals("from", lastPush(alice).attributeValue("subscription"));
        assertEquals("to", lastPush(bob).attributeValue("subscription"));
        assertEquals(1, bob.presences(Presence.Type.unsubscribe).size());
        List<Presence> gone = alice.presences(Presence.Type.unavailable);
        assertEquals(1, gone.size(), "Bob's server sends his unavailable presence (§3.3.3)");
        assertEquals("bob@example.org/desk", gone.get(0).getFrom().toString());
    }

    @Test
    void unsubscribedCancelsTheContactsSubscription() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        alice.clear();
        bob.clear();
        im.subscription(alice, Presence.Type.unsubscribed, "bob@example.org", null);
        assertEquals(Subscription.TO, im.item("alice@example.org", "bob@example.org").subscription());
        assertEquals(Subscription.FROM, im.item("bob@example.org", "alice@example.org").subscription());
        assertEquals(1, bob.presences(Presence.Type.unsubscribed).size());
        assertEquals(1, bob.presences(Presence.Type.unavailable).size(), "§3.2.2");
        // Alice's later presence no longer reaches Bob.
        bob.clear();
        im.available(alice, 0, "away");
        assertTrue(bob.presences().isEmpty());
    }

    @Test
    void subscribedWithoutRequestIsIgnored() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        bob.clear();
        alice.clear();
        im.subscription(alice, Presence.Type.subscribed, "bob@example.org", null);
        assertTrue(bob.received.isEmpty());
        assertTrue(alice.pushes().isEmpty());
        assertNull(im.item("alice@example.org", "bob@example.org"));
    }

    @Test
    void removingAContactEndsBothSubscriptions() throws Exception {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        alice.clear();
        bob.clear();
        assertEquals(org.xmpp.packet.IQ.Type.result,
                im.rosterSet(alice, "<item jid='bob@example.org' subscription='remove'/>").getType());
        assertEquals("remove", lastPush(alice).attributeValue("subscription"));
        assertNull(im.item("alice@example.org", "bob@example.org"));
        assertEquals(1, bob.presences(Presence.Type.unsubscribe).size());
        assertEquals(1, bob.presences(Presence.Type.unsubscribed).size());
        assertEquals(1, bob.presences(Presence.Type.unavailable).size(), "Alice's presence is withdrawn");
        assertEquals(Subscription.NONE, im.item("bob@example.org", "alice@example.org").subscription());
        assertEquals("none", lastPush(bob).attributeValue("subscription"));
    }

    @Test
    void subscriptionStanzaExtensionsArePassedThrough() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        Presence p = new Presence(Presence.Type.subscribe);
        p.setTo("bob@example.org/desk");
        p.addChildElement("nick", "http://jabber.org/protocol/nick").setText("Ali");
        im.server.send(alice, p);
        Presence got = bob.presences(Presence.Type.subscribe).get(0);
        assertEquals("bob@example.org", got.getTo().toString(), "addressed to the bare JID");
        assertEquals("Ali", got.getChildElement("nick", "http://jabber.org/protocol/nick").getText());
    }
}
