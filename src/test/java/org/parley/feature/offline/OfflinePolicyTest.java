package org.parley.feature.offline;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflinePolicyTest {

    static Message msg(String inner) throws Exception {
        return new Message(DocumentHelper.parseText("<message xmlns='jabber:client' to='bob@example.org' type='chat'>"
                + inner + "</message>").getRootElement(), true);
    }

    @Test
    void bodiesAndSubjectsAreKept() throws Exception {
        assertTrue(OfflinePolicy.worthStoring(msg("<body>hi</body>")));
        assertTrue(OfflinePolicy.worthStoring(msg("<subject>topic</subject>")));
        assertTrue(OfflinePolicy.worthStoring(msg(
                "<body>hi</body><active xmlns='http://jabber.org/protocol/chatstates'/>")));
    }

    @Test
    void notificationsAloneAreDropped() throws Exception {
        assertFalse(OfflinePolicy.worthStoring(msg("<composing xmlns='http://jabber.org/protocol/chatstates'/>")));
        assertFalse(OfflinePolicy.worthStoring(msg("<thread>t1</thread><gone xmlns='http://jabber.org/protocol/chatstates'/>")));
        assertFalse(OfflinePolicy.worthStoring(msg("<body>  </body>")));
        assertFalse(OfflinePolicy.worthStoring(msg("<request xmlns='urn:xmpp:receipts'/>")));
        assertFalse(OfflinePolicy.worthStoring(msg("")));
    }

    @Test
    void otherPayloadsAreKept() throws Exception {
        assertTrue(OfflinePolicy.worthStoring(msg("<received xmlns='urn:xmpp:receipts' id='x'/>")));
        assertTrue(OfflinePolicy.worthStoring(msg("<x xmlns='jabber:x:conference' jid='room@conference.example.org'/>")));
        assertTrue(OfflinePolicy.worthStoring(msg("<encrypted xmlns='eu.siacs.conversations.axolotl'/>")));
    }

    @Test
    void hintsDecide() throws Exception {
        assertFalse(OfflinePolicy.worthStoring(msg("<body>hi</body><no-store xmlns='urn:xmpp:hints'/>")));
        assertFalse(OfflinePolicy.worthStoring(msg("<body>hi</body><no-permanent-store xmlns='urn:xmpp:hints'/>")));
        assertTrue(OfflinePolicy.worthStoring(msg("<composing xmlns='http://jabber.org/protocol/chatstates'/><store xmlns='urn:xmpp:hints'/>")));
    }

    @Test
    void delayStamp() throws Exception {
        Message m = msg("<body>hi</body>");
        DelayStamp.add(m, "example.org", LocalDateTime.of(2024, 2, 29, 23, 5, 7, 120_000_000));
        var delay = m.getChildElement("delay", "urn:xmpp:delay");
        assertNotNull(delay);
        assertEquals("example.org", delay.attributeValue("from"));
        assertEquals("2024-02-29T23:05:07.120Z", delay.attributeValue("stamp"));
    }

    @Test
    void storedXmlRoundTrips() throws Exception {
        Message m = msg("<body>a &amp; b &lt;c&gt;</body><x xmlns='jabber:x:oob'><url>http://e/x</url></x>");
        Message back = OfflineMailbox.parse(m.toXML());
        assertNotNull(back);
        assertEquals("a & b <c>", back.getBody());
        assertEquals("http://e/x", back.getChildElement("x", "jabber:x:oob").elementText("url"));
        assertNull(OfflineMailbox.parse("<message><body>broken"));
        assertNull(OfflineMailbox.parse("<!DOCTYPE m [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><message>&e;</message>"));
    }
}
