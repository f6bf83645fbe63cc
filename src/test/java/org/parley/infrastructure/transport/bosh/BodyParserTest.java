package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyParserTest {
    private static final String NS = BodyParser.HTTPBIND_NS;

    static BoshRequest parse(String xml) throws BodyParser.BadBody {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        return BodyParser.parse(b, b.length, 1024);
    }

    @Test
    void attributesAndPayloads() throws Exception {
        BoshRequest r = parse("<?xml version='1.0'?><body rid='42' sid='abc' xmlns='" + NS + "'>"
                + "<message xmlns='jabber:client' to='a@b'><body>x</body></message>"
                + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AA==</auth></body>");
        assertEquals(42L, r.rid());
        assertEquals("abc", r.sid());
        assertEquals(2, r.payloads().size());
        assertEquals("jabber:client", r.payloads().get(0).getNamespaceURI());
        assertEquals("jabber:client", r.payloads().get(0).element("body").getNamespaceURI());
        assertEquals("urn:ietf:params:xml:ns:xmpp-sasl", r.payloads().get(1).getNamespaceURI());
        assertFalse(r.isRestart());
        assertFalse(r.isTerminate());
    }

    @Test
    void stanzasInTheBodyNamespaceBecomeJabberClient() throws Exception {
        Element m = parse("<body rid='1' xmlns='" + NS + "'><message to='a@b'><body>x</body>"
                + "<x xmlns='urn:other'><y/></x></message></body>").payloads().get(0);
        assertEquals("jabber:client", m.getNamespaceURI());
        assertEquals("jabber:client", m.element("body").getNamespaceURI());
        assertEquals("urn:other", m.elements().get(1).element("y").getNamespaceURI());
    }

    @Test
    void restartVersionAndPauseWithAnyPrefix() throws Exception {
        BoshRequest r = parse("<body rid='7' pause='30' x:restart='true' x:version='1.0' xmlns:x='urn:xmpp:xbosh'"
                + " xmlns='" + NS + "'/>");
        assertTrue(r.isRestart());
        assertEquals("1.0", r.xmppVersion());
        assertEquals(30, r.pause());
    }

    @Test
    void badRidsAreNull() throws Exception {
        assertNull(parse("<body rid='-1' xmlns='" + NS + "'/>").rid());
        assertNull(parse("<body rid='12a' xmlns='" + NS + "'/>").rid());
        assertNull(parse("<body rid='9007199254740993' xmlns='" + NS + "'/>").rid());
        assertNull(parse("<body xmlns='" + NS + "'/>").rid());
    }

    @Test
    void refused() {
        assertThrows(BodyParser.BadBody.class, () -> parse("not xml"));
        assertThrows(BodyParser.BadBody.class, () -> parse(""));
        assertThrows(BodyParser.BadBody.class, () -> parse("<body xmlns='urn:wrong'/>"));
        assertThrows(BodyParser.BadBody.class, () -> parse("<body xmlns='" + NS + "'>text</body>"));
        assertThrows(BodyParser.BadBody.class, () -> parse("<body xmlns='" + NS + "'><a>"));
        assertThrows(BodyParser.BadBody.class, () -> parse("<!DOCTYPE x><body xmlns='" + NS + "'/>"));
        BodyParser.BadBody e = assertThrows(BodyParser.BadBody.class,
                () -> parse("<body sid='s1' xmlns='" + NS + "'><a>" + "x".repeat(2000) + "</a></body>"));
        assertEquals("s1", e.root.attribute("sid"), "the session of an oversized stanza is known");
    }

    @Test
    void rootOfATruncatedBody() {
        byte[] b = ("<body sid='s2' rid='3' xmlns='" + NS + "'><message>" + "y".repeat(5000))
                .getBytes(StandardCharsets.UTF_8);
        assertNotNull(BodyParser.rootOf(b, b.length, 1024));
        assertEquals("s2", BodyParser.rootOf(b, b.length, 1024).attribute("sid"));
        byte[] wrong = "<html>".getBytes(StandardCharsets.UTF_8);
        assertNull(BodyParser.rootOf(wrong, wrong.length, 1024));
    }
}
