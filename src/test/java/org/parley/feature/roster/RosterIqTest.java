package org.parley.feature.roster;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.feature.presence.ImSession;
import org.parley.feature.presence.ImFixture;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roster get/set over the module (RFC 6121 §2) and roster versioning (XEP-0237). */
class RosterIqTest {
    final ImFixture im = new ImFixture();

    @Test
    void setPushesToInterestedResourcesOnly() throws Exception {
        ImSession phone = im.server.bind("alice@example.org/phone");
        ImSession laptop = im.server.bind("alice@example.org/laptop");
        ImSession watch = im.server.bind("alice@example.org/watch");
        im.rosterGet(phone, null);
        im.rosterGet(laptop, null);
        IQ result = im.rosterSet(phone, "<item jid='nurse@example.com' name='Nurse'><group>Servants</group></item>");
        assertEquals(IQ.Type.result, result.getType());
        assertNull(result.getChildElement(), "an empty result");
        for (ImSession s : List.of(phone, laptop)) {
            Element item = ImFixture.lastPush(s);
            assertEquals("nurse@example.com", item.attributeValue("jid"));
            assertEquals("Nurse", item.attributeValue("name"));
            assertEquals("none", item.attributeValue("subscription"));
            assertEquals("Servants", item.elementText("group"));
        }
        assertTrue(watch.pushes().isEmpty(), "never asked for the roster");
    }

    @Test
    void versioning() throws Exception {
        ImSession phone = im.server.bind("alice@example.org/phone");
        IQ first = im.rosterGet(phone, "");
        String v1 = first.getChildElement().attributeValue("ver");
        assertNotNull(v1);
        assertNull(im.rosterGet(phone, v1).getChildElement(), "current version: empty result");

        im.rosterSet(phone, "<item jid='nurse@example.com'/>");
        String pushed = phone.pushes().get(0).getParent().attributeValue("ver");
        assertTrue(!pushed.equals(v1), "each change has a new version");
        IQ full = im.rosterGet(phone, v1);
        assertEquals(pushed, full.getChildElement().attributeValue("ver"));
        assertEquals(1, full.getChildElement().elements("item").size());
        assertNull(im.rosterGet(phone, pushed).getChildElement());

        im.rosterSet(phone, "<item jid='nurse@example.com'/>");
        assertNull(im.rosterGet(phone, pushed).getChildElement(), "an unchanged item changes no version");
    }

    @Test
    void versionSurvivesRestart() throws Exception {
        ImSession phone = im.server.bind("alice@example.org/phone");
        im.rosterSet(phone, "<item jid='nurse@example.com'/>");
        String ver = im.rosterGet(phone, "").getChildElement().attributeValue("ver");
        ImFixture restarted = new ImFixture(im.storage);
        ImSession again = restarted.server.bind("alice@example.org/phone");
        assertNull(restarted.rosterGet(again, ver).getChildElement());
    }

    @Test
    void versioningStreamFeatureAfterAuthOnly() {
        ModuleContext.StreamFeatureProvider f = im.server.streamFeatures.get(0);
        assertNull(f.feature(ModuleContext.StreamState.BEFORE_AUTH, "example.org"));
        Element ver = f.feature(ModuleContext.StreamState.AFTER_AUTH, "example.org");
        assertEquals("ver", ver.getName());
        assertEquals("urn:xmpp:features:rosterver", ver.getNamespaceURI());
    }

    @Test
    void updateKeepsSubscriptionAndIgnoresClientSubscription() throws Exception {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        im.rosterSet(alice, "<item jid='bob@example.org' name='Bobby' subscription='none'><group>A</group></item>");
        RosterEntry e = im.item("alice@example.org", "bob@example.org");
        assertEquals(Subscription.BOTH, e.subscription());
        assertEquals("Bobby", e.name());
        assertEquals(List.of("A"), e.groups());
        assertEquals("both", ImFixture.lastPush(alice).attributeValue("subscription"));
    }

    @Test
    void errors() throws Exception {
        ImSession alice = im.server.bind("alice@example.org/phone");
        assertEquals(PacketError.Condition.bad_request, error(im.rosterSet(alice,
                "<item jid='a@example.org'/><item jid='b@example.org'/>")));
        assertEquals(PacketError.Condition.bad_request, error(im.rosterSet(alice,
                "<item jid='a@example.org'><group>G</group><group>G</group></item>")));
        assertEquals(PacketError.Condition.not_acceptable, error(im.rosterSet(alice,
                "<item jid='a@example.org' name='" + "x".repeat(2000) + "'/>")));
        assertEquals(PacketError.Condition.item_not_found, error(im.rosterSet(alice,
                "<item jid='a@example.org' subscription='remove'/>")));
        assertTrue(im.rosters.get(alice.jid()).entries().isEmpty(), "nothing stored by refused sets");

        IQ otherGet = new IQ(IQ.Type.get);
        otherGet.setTo("bob@example.org");
        otherGet.setChildElement("query", RosterXml.NS);
        im.server.send(alice, otherGet);
        assertEquals(PacketError.Condition.service_unavailable, error(last(alice)));
        IQ otherSet = new IQ(IQ.Type.set);
        otherSet.setTo("bob@example.org");
        otherSet.setChildElement("query", RosterXml.NS).addElement("item").addAttribute("jid", "x@example.org");
        im.server.send(alice, otherSet);
        assertEquals(PacketError.Condition.forbidden, error(last(alice)));
    }

    @Test
    void ownBareJidAsAddressIsFine() {
        ImSession alice = im.server.bind("alice@example.org/phone");
        IQ get = new IQ(IQ.Type.get);
        get.setTo("alice@example.org");
        get.setChildElement("query", RosterXml.NS);
        im.server.send(alice, get);
        assertEquals(IQ.Type.result, last(alice).getType());
        assertTrue(alice.isInterested());
    }

    @Test
    void deletedAccountLeavesItsContactsRosters() {
        ImSession alice = im.login("alice@example.org/phone");
        ImSession bob = im.login("bob@example.org/desk");
        im.befriend(alice, bob);
        bob.clear();
        im.server.accounts.remove(alice.jid().asBareJID());
        im.rosterModule.onAccountDeleted(new org.parley.domain.account.AccountDeleted("alice@example.org"));
        assertNull(im.storage.stored("alice@example.org", "bob@example.org"));
        assertEquals(Subscription.NONE, im.item("bob@example.org", "alice@example.org").subscription());
        assertEquals("none", ImFixture.lastPush(bob).attributeValue("subscription"));
        assertEquals(1, bob.presences(org.xmpp.packet.Presence.Type.unavailable).stream()
                .filter(p -> p.getFrom().toString().equals("alice@example.org/phone")).count());
    }

    private static IQ last(ImSession s) {
        return s.results().get(s.results().size() - 1);
    }

    private static PacketError.Condition error(IQ iq) {
        assertEquals(IQ.Type.error, iq.getType());
        return iq.getError().getCondition();
    }
}
