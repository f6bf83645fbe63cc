package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.xmpp.stream.Recorder.expect;
import static org.parley.xmpp.stream.Recorder.feed;
import static org.parley.xmpp.stream.Recorder.feedBytewise;
import static org.parley.xmpp.stream.Recorder.utf8;

import java.util.List;

import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;

/** DOCUMENTS mode: one element per WebSocket frame (RFC 7395). */
class XmlStreamParserDocumentsTest {

    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    static final String OPEN = "<open xmlns='" + FRAMING + "' to='example.com' version='1.0'/>";
    static final String CLOSE = "<close xmlns='" + FRAMING + "'/>";

    private final Recorder r = new Recorder();
    private final XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 4096, r);

    private void frame(String s) throws XmlStreamException {
        feed(p, s);
        p.endOfInput();
    }

    @Test
    void openStanzaCloseFrames() throws Exception {
        frame(OPEN);
        frame("<stream:features xmlns:stream='http://etherx.jabber.org/streams'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
        frame("<message xmlns='jabber:client' to='juliet@example.com' xml:lang='en'><body>Hi &amp; bye</body></message>");
        frame(CLOSE);
        assertEquals(4, r.elements.size());
        assertTrue(r.roots.isEmpty());
        assertEquals(0, r.closed);

        Element open = r.elements.get(0);
        assertEquals(QName.get("open", FRAMING), open.getQName());
        assertEquals("example.com", open.attributeValue("to"));
        assertEquals("1.0", open.attributeValue("version"));
        assertEquals(QName.get("features", "stream", "http://etherx.jabber.org/streams"), r.elements.get(1).getQName());
        Element msg = r.elements.get(2);
        assertEquals(QName.get("message", "jabber:client"), msg.getQName());
        assertEquals("Hi & bye", msg.elementText("body"));
        assertEquals(QName.get("close", FRAMING), r.elements.get(3).getQName());
    }

    @Test
    void framesWithXmlDeclarationAndWhitespace() throws Exception {
        frame("<?xml version='1.0'?>" + OPEN);
        frame("<?xml version='1.0' encoding='UTF-8'?>\n<message xmlns='jabber:client'/>\n");
        frame("  \n");
        frame("");
        assertEquals(2, r.elements.size());
    }

    @Test
    void frameFedInPieces() throws Exception {
        String stanza = "<message xmlns='jabber:client' to='jüliet@example.com'><body>☺ 😀</body></message>";
        for (int i = 0; i < 3; i++) {
            feedBytewise(p, utf8(stanza));
            p.endOfInput();
        }
        assertEquals(3, r.elements.size());
        for (Element e : r.elements) {
            assertEquals("☺ 😀", e.elementText("body"));
        }
    }

    @Test
    void severalElementsInOneFrameAreAllEmitted() throws Exception {
        frame(OPEN + " <message xmlns='jabber:client'/>\n<presence xmlns='jabber:client'/><?xml version='1.0'?><iq xmlns='jabber:client'/>");
        assertEquals(List.of("open", "message", "presence", "iq"), r.elements.stream().map(Element::getName).toList());
        // each element starts a new document: an XML declaration is only allowed right at its start
        expect("restricted-xml", () -> frame(OPEN + " <?xml version='1.0'?><presence xmlns='jabber:client'/>"));
        assertEquals(5, r.elements.size());
    }

    @Test
    void manyFramesOnOneParser() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            frame("<message xmlns='jabber:client' id='" + i + "' xmlns:x" + i + "='urn:x'><body>" + i + "</body></message>");
        }
        assertEquals(10_000, r.elements.size());
        assertEquals("9999", r.last().attributeValue("id"));
    }

    @Test
    void stanzaWithoutNamespaceIsLeftUnqualified() throws Exception {
        frame("<message to='a@b'><body>x</body></message>");
        assertEquals("", r.last().getNamespaceURI());
    }

    @Test
    void incompleteFrameIsNotWellFormed() throws Exception {
        feed(p, "<message xmlns='jabber:client'><body>");
        expect("not-well-formed", p::endOfInput);
        p.reset();
        feed(p, "<message xmlns='jabber:client'");
        expect("not-well-formed", p::endOfInput);
        p.reset();
        feed(p, "<?xml version='1.0'?>");
        expect("not-well-formed", p::endOfInput);
        p.reset();
        frame(CLOSE);
        assertEquals(1, r.elements.size());
    }

    @Test
    void frameSplitAcrossTwoFramesIsRejected() throws Exception {
        feed(p, "<message xmlns='jabber:client'>");
        expect("not-well-formed", p::endOfInput);
    }

    @Test
    void textOutsideElement() {
        expect("not-well-formed", () -> frame("hello"));
        p.reset();
        expect("not-well-formed", () -> frame(OPEN + "trailing"));
    }

    @Test
    void restrictedXmlInFrames() {
        for (String bad : new String[] {"<!DOCTYPE open>" + OPEN, "<!-- c -->" + CLOSE,
                "<message xmlns='jabber:client'><?pi?></message>", "<message xmlns='jabber:client'>&foo;</message>",
                OPEN + "<!-- trailing -->"}) {
            p.reset();
            expect("restricted-xml", () -> frame(bad));
        }
    }

    @Test
    void sizeLimitPerDocument() throws Exception {
        XmlStreamParser small = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 100, r);
        String ok = "<message xmlns='jabber:client'><body>" + "x".repeat(40) + "</body></message>";
        assertTrue(ok.length() <= 100);
        for (int i = 0; i < 5; i++) {
            feed(small, ok);
            small.endOfInput();
        }
        assertEquals(5, r.elements.size());
        String big = "<message xmlns='jabber:client'><body>" + "x".repeat(1_000_000) + "</body></message>";
        expect("policy-violation", () -> feed(small, big));
        assertTrue(small.consumedBytes() <= 101);
    }

    @Test
    void nestingLimitCountsTopLevelElement() throws Exception {
        XmlStreamParser q = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 65536, 5, r);
        feed(q, "<a><a><a><a><a/></a></a></a></a>");
        q.endOfInput();
        expect("policy-violation", () -> feed(q, "<a><a><a><a><a><a/></a></a></a></a></a>"));
    }

    @Test
    void resetFromCallbackInDocumentsMode() throws Exception {
        r.onElement = e -> p.reset();
        frame(OPEN + OPEN);
        assertEquals(2, r.elements.size());
        assertNull(p.root());
    }
}
