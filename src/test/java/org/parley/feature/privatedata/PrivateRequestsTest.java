package org.parley.feature.privatedata;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateRequestsTest {
    private final Map<String, String> db = new HashMap<>();
    private final PrivateRequests requests = new PrivateRequests(
            (account, ns) -> Optional.ofNullable(db.get(account + " " + ns)),
            (account, payloads) -> {
                long added = payloads.keySet().stream().filter(ns -> !db.containsKey(account + " " + ns)).count();
                if (db.size() + added > 3) {
                    return false;
                }
                payloads.forEach((ns, xml) -> db.put(account + " " + ns, xml));
                return true;
            }, 300);

    private IQ send(IQ.Type type, String to, String queryContent) throws Exception {
        IQ iq = new IQ(type);
        iq.setFrom("juliet@capulet.com/balcony");
        if (to != null) {
            iq.setTo(to);
        }
        iq.setChildElement(DocumentHelper.parseText("<query xmlns='jabber:iq:private'>" + queryContent + "</query>")
                .getRootElement().createCopy());
        return requests.handle(iq, null);
    }

    private static PacketError.Condition condition(IQ iq) {
        return iq.getError() == null ? null : iq.getError().getCondition();
    }

    private static final String PREFS = "<exodus xmlns='exodus:prefs'><defaultnick>Hamlet</defaultnick></exodus>";

    @Test
    void storeAndRetrieve() throws Exception {
        assertEquals(IQ.Type.result, send(IQ.Type.set, null, PREFS).getType());
        IQ result = send(IQ.Type.get, null, "<exodus xmlns='exodus:prefs'/>");
        Element stored = result.getChildElement().element("exodus");
        assertEquals("jabber:iq:private", result.getChildElement().getNamespaceURI());
        assertEquals("exodus:prefs", stored.getNamespaceURI());
        assertEquals("Hamlet", stored.elementText("defaultnick"));
    }

    @Test
    void nothingStoredReturnsTheRequestedElement() throws Exception {
        IQ result = send(IQ.Type.get, "juliet@capulet.com", "<storage xmlns='storage:bookmarks'/>");
        assertEquals(IQ.Type.result, result.getType());
        Element echoed = result.getChildElement().element("storage");
        assertEquals("storage:bookmarks", echoed.getNamespaceURI());
        assertEquals(0, echoed.elements().size());
    }

    @Test
    void setReplacesPerNamespaceAndKeepsSeveralElementsOfOne() throws Exception {
        send(IQ.Type.set, null, PREFS + "<storage xmlns='storage:bookmarks'><conference jid='a@b'/></storage>");
        send(IQ.Type.set, null, "<exodus xmlns='exodus:prefs'><a/></exodus><exodus xmlns='exodus:prefs'><b/></exodus>");
        List<Element> prefs = send(IQ.Type.get, null, "<exodus xmlns='exodus:prefs'/>").getChildElement().elements();
        assertEquals(2, prefs.size());
        assertEquals("a", prefs.get(0).elements().get(0).getName());
        Element bookmarks = send(IQ.Type.get, null, "<storage xmlns='storage:bookmarks'/>").getChildElement().element("storage");
        assertEquals("a@b", bookmarks.element("conference").attributeValue("jid"));
    }

    @Test
    void anotherUsersDataIsForbidden() throws Exception {
        assertEquals(PacketError.Condition.forbidden, condition(send(IQ.Type.get, "romeo@montague.net", PREFS)));
        assertEquals(PacketError.Condition.forbidden, condition(send(IQ.Type.set, "romeo@montague.net", PREFS)));
        assertTrue(db.isEmpty());
    }

    @Test
    void emptyQueryReservedOrMissingNamespaceIsNotAcceptable() throws Exception {
        assertEquals(PacketError.Condition.not_acceptable, condition(send(IQ.Type.get, null, "")));
        assertEquals(PacketError.Condition.not_acceptable, condition(send(IQ.Type.set, null, "")));
        assertEquals(PacketError.Condition.not_acceptable,
                condition(send(IQ.Type.set, null, "<query xmlns='jabber:iq:roster'/>")));
        assertEquals(PacketError.Condition.not_acceptable,
                condition(send(IQ.Type.set, null, "<vCard xmlns='vcard-temp'><FN>x</FN></vCard>")));
        // no namespace of its own: it inherits jabber:iq:private, which is reserved
        assertEquals(PacketError.Condition.not_acceptable, condition(send(IQ.Type.set, null, "<prefs/>")));
        assertEquals(PacketError.Condition.not_acceptable,
                condition(send(IQ.Type.set, null, PREFS + "<x xmlns='jabber:x:data'/>")));
        assertTrue(db.isEmpty()); // nothing of a refused set is stored
    }

    @Test
    void getOfSeveralElementsIsBadRequest() throws Exception {
        assertEquals(PacketError.Condition.bad_request,
                condition(send(IQ.Type.get, null, "<a xmlns='urn:a'/><b xmlns='urn:b'/>")));
    }

    @Test
    void limitsAreNotAcceptable() throws Exception {
        String big = "<big xmlns='urn:big'>" + "x".repeat(400) + "</big>";
        assertEquals(PacketError.Condition.not_acceptable, condition(send(IQ.Type.set, null, big)));
        send(IQ.Type.set, null, "<a xmlns='urn:a'/><b xmlns='urn:b'/><c xmlns='urn:c'/>");
        assertEquals(PacketError.Condition.not_acceptable, condition(send(IQ.Type.set, null, "<d xmlns='urn:d'/>")));
        assertEquals(IQ.Type.result, send(IQ.Type.set, null, "<a xmlns='urn:a'><new/></a>").getType());
    }
}
