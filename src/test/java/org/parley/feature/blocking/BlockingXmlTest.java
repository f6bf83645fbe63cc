package org.parley.feature.blocking;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlockingXmlTest {

    static Element parse(String xml) throws Exception {
        return DocumentHelper.parseText(xml).getRootElement();
    }

    @Test
    void itemsAreParsedInCanonicalForm() throws Exception {
        Element block = parse("<block xmlns='urn:xmpp:blocking'><item jid='Romeo@Montague.net'/>"
                + "<item jid='capulet.com/bot'/><other/></block>");
        assertEquals(List.of(new JID("romeo@montague.net"), new JID("capulet.com/bot")), BlockingXml.items(block));
    }

    @Test
    void itemWithoutJidOrWithInvalidJidIsMalformed() throws Exception {
        assertThrows(BlockingXml.MalformedItem.class,
                () -> BlockingXml.items(parse("<block xmlns='urn:xmpp:blocking'><item/></block>")));
        assertThrows(BlockingXml.MalformedItem.class,
                () -> BlockingXml.items(parse("<block xmlns='urn:xmpp:blocking'><item jid='a@b@c'/></block>")));
    }

    @Test
    void pushCarriesTheItems() {
        IQ push = BlockingXml.push(new JID("juliet@capulet.com/balcony"), "block", List.of(new JID("romeo@montague.net")));
        assertEquals(IQ.Type.set, push.getType());
        assertEquals("juliet@capulet.com/balcony", push.getTo().toString());
        Element child = push.getChildElement();
        assertEquals("block", child.getName());
        assertEquals("urn:xmpp:blocking", child.getNamespaceURI());
        assertEquals("romeo@montague.net", child.element("item").attributeValue("jid"));
    }

    @Test
    void emptyUnblockPushMeansUnblockAll() {
        IQ push = BlockingXml.push(new JID("juliet@capulet.com/balcony"), "unblock", List.of());
        assertEquals(0, push.getChildElement().elements().size());
    }

    @Test
    void blockedErrorIsNotAcceptableWithBlockedCondition() {
        Message m = new Message();
        m.setFrom("juliet@capulet.com/balcony");
        m.setTo("romeo@montague.net");
        m.setBody("Can you hear me now?");
        Packet error = BlockingXml.blockedError(m);
        assertEquals("romeo@montague.net", error.getFrom().toString());
        assertEquals("juliet@capulet.com/balcony", error.getTo().toString());
        assertEquals("error", error.getElement().attributeValue("type"));
        assertEquals(PacketError.Condition.not_acceptable, error.getError().getCondition());
        assertEquals(PacketError.Type.cancel, error.getError().getType());
        assertEquals("blocked", error.getError().getApplicationConditionName());
        assertEquals("urn:xmpp:blocking:errors", error.getError().getApplicationConditionNamespaceURI());
        assertEquals("Can you hear me now?", ((Message) error).getBody());
    }

    @Test
    void errorsAndResultsAreNotAnswered() {
        IQ result = new IQ(IQ.Type.result);
        assertNull(BlockingXml.blockedError(result));
        Message m = new Message();
        m.setType(Message.Type.error);
        assertNull(BlockingXml.blockedError(m));
    }
}
