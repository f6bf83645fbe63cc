package org.parley.feature.vcard;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VCardRequestsTest {
    private final Map<String, String> db = new HashMap<>();
    private final VCardRequests requests = new VCardRequests(k -> Optional.ofNullable(db.get(k)), db::put,
            jid -> !jid.getNode().equals("ghost"), 200);

    private static IQ iq(IQ.Type type, String from, String to, String vcard) throws Exception {
        IQ iq = new IQ(type);
        iq.setFrom(from);
        if (to != null) {
            iq.setTo(to);
        }
        iq.setChildElement(DocumentHelper.parseText(vcard).getRootElement().createCopy());
        return iq;
    }

    private IQ send(IQ iq) {
        return requests.handle(iq, null);
    }

    private static final String CARD = "<vCard xmlns='vcard-temp'><FN>Juliet Capulet</FN>"
            + "<PHOTO><TYPE>image/png</TYPE><BINVAL>AAAA</BINVAL></PHOTO><x xmlns='urn:example:ext'>&lt;ok&gt;</x></vCard>";
    private static final String EMPTY = "<vCard xmlns='vcard-temp'/>";

    @Test
    void ownVCardIsEmptyUntilSetThenReturnedAsStored() throws Exception {
        IQ empty = send(iq(IQ.Type.get, "juliet@capulet.com/balcony", null, EMPTY));
        assertEquals(IQ.Type.result, empty.getType());
        assertEquals("vCard", empty.getChildElement().getName());
        assertEquals(0, empty.getChildElement().elements().size());

        IQ set = send(iq(IQ.Type.set, "juliet@capulet.com/balcony", null, CARD));
        assertEquals(IQ.Type.result, set.getType());
        assertNull(set.getChildElement());

        Element card = send(iq(IQ.Type.get, "juliet@capulet.com/chamber", "juliet@capulet.com", EMPTY)).getChildElement();
        assertEquals("vcard-temp", card.getNamespaceURI());
        assertEquals("Juliet Capulet", card.elementText("FN"));
        assertEquals("AAAA", card.element("PHOTO").elementText("BINVAL"));
        Element ext = card.element("x");
        assertEquals("urn:example:ext", ext.getNamespaceURI());
        assertEquals("<ok>", ext.getText());
    }

    @Test
    void anotherUsersVCard() throws Exception {
        send(iq(IQ.Type.set, "juliet@capulet.com/balcony", null, CARD));
        IQ result = send(iq(IQ.Type.get, "romeo@montague.net/orchard", "juliet@capulet.com", EMPTY));
        assertEquals("Juliet Capulet", result.getChildElement().elementText("FN"));
        assertEquals("juliet@capulet.com", result.getFrom().toString());
    }

    @Test
    void missingVCardAndMissingAccountGiveTheSameError() throws Exception {
        IQ none = send(iq(IQ.Type.get, "romeo@montague.net/orchard", "nurse@capulet.com", EMPTY));
        IQ ghost = send(iq(IQ.Type.get, "romeo@montague.net/orchard", "ghost@capulet.com", EMPTY));
        assertEquals(PacketError.Condition.item_not_found, none.getError().getCondition());
        assertEquals(PacketError.Condition.item_not_found, ghost.getError().getCondition());
    }

    @Test
    void settingSomeoneElsesVCardIsForbidden() throws Exception {
        IQ error = send(iq(IQ.Type.set, "romeo@montague.net/orchard", "juliet@capulet.com", CARD));
        assertEquals(PacketError.Condition.forbidden, error.getError().getCondition());
        assertTrue(db.isEmpty());
    }

    @Test
    void oversizedVCardIsNotAcceptableAndKeepsTheOldOne() throws Exception {
        send(iq(IQ.Type.set, "juliet@capulet.com/balcony", null, CARD));
        String big = "<vCard xmlns='vcard-temp'><DESC>" + "x".repeat(300) + "</DESC></vCard>";
        IQ error = send(iq(IQ.Type.set, "juliet@capulet.com/balcony", null, big));
        assertEquals(PacketError.Condition.not_acceptable, error.getError().getCondition());
        assertNull(error.getChildElement()); // not echoed
        assertTrue(db.get("juliet@capulet.com").contains("Juliet Capulet"));
    }

    @Test
    void wrongElementIsBadRequest() throws Exception {
        IQ error = send(iq(IQ.Type.get, "juliet@capulet.com/balcony", null, "<card xmlns='vcard-temp'/>"));
        assertEquals(PacketError.Condition.bad_request, error.getError().getCondition());
    }

    @Test
    void storedFormDeclaresItsNamespaces() throws Exception {
        Element e = DocumentHelper.parseText("<iq xmlns='jabber:client'>" + CARD + "</iq>").getRootElement().elements().get(0);
        String xml = StoredXml.toXml(e);
        assertTrue(xml.startsWith("<vCard xmlns=\"vcard-temp\">"), xml);
        assertEquals("Juliet Capulet", StoredXml.parse(xml).elementText("FN"));
    }
}
