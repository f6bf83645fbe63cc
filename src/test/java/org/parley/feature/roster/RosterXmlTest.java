package org.parley.feature.roster;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterXmlTest {

    static Element query(String items) throws Exception {
        return DocumentHelper.parseText("<query xmlns='jabber:iq:roster'>" + items + "</query>").getRootElement();
    }

    static PacketError.Condition refused(String items) {
        return assertThrows(RosterXml.Refused.class, () -> RosterXml.parseSet(query(items))).condition();
    }

    @Test
    void itemCarriesNameSubscriptionAskAndGroups() {
        RosterEntry e = new RosterEntry(new JID("romeo@example.net"), "Romeo", List.of("Friends", "Lovers"),
                new SubscriptionState(Subscription.FROM, true, false), null, false);
        Element item = RosterXml.item(e);
        assertEquals(RosterXml.NS, item.getNamespaceURI());
        assertEquals("romeo@example.net", item.attributeValue("jid"));
        assertEquals("Romeo", item.attributeValue("name"));
        assertEquals("from", item.attributeValue("subscription"));
        assertEquals("subscribe", item.attributeValue("ask"));
        assertEquals(2, item.elements("group").size());
        assertEquals("Lovers", item.elements("group").get(1).getText());
        assertEquals(RosterXml.NS, item.elements("group").get(0).getNamespaceURI());
    }

    @Test
    void noAskWithoutPendingOutNoNameWhenUnnamed() {
        Element item = RosterXml.item(RosterEntry.of(new JID("nurse@example.com")));
        assertNull(item.attributeValue("ask"));
        assertNull(item.attributeValue("name"));
        assertEquals("none", item.attributeValue("subscription"));
    }

    @Test
    void pushHasVersionNoFromAndOneItem() {
        IQ push = RosterXml.push(new JID("juliet@example.com/balcony"), RosterXml.removedItem(new JID("nurse@example.com")), 42);
        assertEquals(IQ.Type.set, push.getType());
        assertNull(push.getFrom());
        assertEquals("juliet@example.com/balcony", push.getTo().toString());
        Element q = push.getChildElement();
        assertEquals("42", q.attributeValue("ver"));
        assertEquals("remove", q.element("item").attributeValue("subscription"));
    }

    @Test
    void resultListsItemsWithVersion() throws Exception {
        IQ get = new IQ(IQ.Type.get, "r1");
        get.setFrom("juliet@example.com/balcony");
        get.setChildElement("query", RosterXml.NS);
        IQ result = RosterXml.result(get, List.of(RosterEntry.of(new JID("a@example.com")),
                RosterEntry.of(new JID("b@example.com"))), 7);
        assertEquals(IQ.Type.result, result.getType());
        assertEquals("r1", result.getID());
        assertEquals("7", result.getChildElement().attributeValue("ver"));
        assertEquals(2, result.getChildElement().elements("item").size());
    }

    @Test
    void validSetIsParsed() throws Exception {
        RosterXml.SetRequest r = RosterXml.parseSet(query(
                "<item jid='Nurse@Example.com' name='Nurse' subscription='both' ask='subscribe'><group>Servants</group></item>"));
        assertEquals("nurse@example.com", r.jid().toString());
        assertEquals("Nurse", r.name());
        assertEquals(List.of("Servants"), r.groups());
        assertTrue(!r.remove(), "subscription other than remove is ignored");
    }

    @Test
    void removeIsRecognised() throws Exception {
        assertTrue(RosterXml.parseSet(query("<item jid='nurse@example.com' subscription='remove'/>")).remove());
    }

    @Test
    void fullJidBecomesBare() throws Exception {
        assertEquals("nurse@example.com", RosterXml.parseSet(query("<item jid='nurse@example.com/res'/>")).jid().toString());
    }

    @Test
    void refusals() {
        assertEquals(PacketError.Condition.bad_request, refused(""));
        assertEquals(PacketError.Condition.bad_request,
                refused("<item jid='a@example.com'/><item jid='b@example.com'/>"));
        assertEquals(PacketError.Condition.bad_request, refused("<item/>"));
        assertEquals(PacketError.Condition.bad_request, refused("<item jid='a@b@c'/>"));
        assertEquals(PacketError.Condition.bad_request, refused("<item jid='@example.com'/>"));
        assertEquals(PacketError.Condition.bad_request,
                refused("<item jid='a@example.com'><group>X</group><group>X</group></item>"));
        assertEquals(PacketError.Condition.not_acceptable,
                refused("<item jid='a@example.com' name='" + "n".repeat(1024) + "'/>"));
        assertEquals(PacketError.Condition.not_acceptable, refused("<item jid='a@example.com'><group></group></item>"));
        assertEquals(PacketError.Condition.not_acceptable,
                refused("<item jid='a@example.com'><group>" + "g".repeat(1024) + "</group></item>"));
    }
}
