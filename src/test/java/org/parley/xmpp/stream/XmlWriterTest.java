package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.xmpp.stream.Recorder.HEADER;
import static org.parley.xmpp.stream.Recorder.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.DocumentFactory;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.Node;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

class XmlWriterTest {

    private static final DocumentFactory DF = DocumentFactory.getInstance();

    // ------------------------------------------------------------------ structural comparison

    /** Asserts equal names/namespaces, attributes (any order) and content (adjacent text merged). */
    static void assertSameStructure(Element expected, Element actual) {
        assertEquals(expected.getQName(), actual.getQName(), "name of " + actual.getPath());
        assertEquals(attributes(expected), attributes(actual), "attributes of " + expected.getQualifiedName());
        List<Object> ec = content(expected);
        List<Object> ac = content(actual);
        assertEquals(ec.size(), ac.size(), "content of " + expected.getQualifiedName() + ": " + ec + " vs " + ac);
        for (int i = 0; i < ec.size(); i++) {
            if (ec.get(i) instanceof Element ee) {
                assertTrue(ac.get(i) instanceof Element, "element expected at " + i);
                assertSameStructure(ee, (Element) ac.get(i));
            } else {
                assertEquals(ec.get(i), ac.get(i));
            }
        }
    }

    private static List<String> attributes(Element e) {
        List<String> r = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            r.add("{" + a.getNamespaceURI() + "}" + a.getName() + "=" + a.getValue());
        }
        r.sort(Comparator.naturalOrder());
        return r;
    }

    private static List<Object> content(Element e) {
        List<Object> r = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < e.nodeCount(); i++) {
            Node n = e.node(i);
            if (n instanceof Element) {
                if (text.length() > 0) {
                    r.add(text.toString());
                    text.setLength(0);
                }
                r.add(n);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getText());
            }
        }
        if (text.length() > 0) {
            r.add(text.toString());
        }
        return r;
    }

    private static List<Element> parseStanzas(String stanzas) throws XmlStreamException {
        Recorder r = new Recorder();
        feed(new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1 << 20, r), HEADER + stanzas);
        return r.elements;
    }

    private static Element parseDocument(String xml) throws XmlStreamException {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 1 << 20, r);
        feed(p, xml);
        p.endOfInput();
        assertEquals(1, r.elements.size());
        return r.elements.get(0);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void roundTripParsedStanzas() throws Exception {
        String sample = XmlStreamParserTest.SAMPLE;
        List<Element> parsed = parseStanzas(sample.substring(HEADER.length(), sample.length() - "</stream:stream>".length())
                + "<message xmlns:a='urn:a' a:x='1'><x xmlns=''><y a:z='2'/></x><n xmlns='urn:n' xmlns:b='urn:b'><b:m/>\t</n></message>");
        assertEquals(7, parsed.size());
        for (Element e : parsed) {
            String xml = XmlWriter.toXml(e);
            Element again = parseDocument(xml);
            assertSameStructure(e, again);
            // standalone XML by an independent parser as well
            assertSameStructure(e, DocumentHelper.parseText(xml).getRootElement());
            // and the same thing with the stanza namespace as default: parsed stanzas are qualified already
            // (except an explicit xmlns='' inside a stanza, which the stanza writer puts in the stanza's
            // namespace: Tinder adds <error/> and <body/> unqualified to parsed stanzas)
            if (!xml.contains("xmlns=\"\"")) {
                assertEquals(xml, XmlWriter.toXml(e, "jabber:client"));
            }
            // writing twice is stable
            assertEquals(xml, XmlWriter.toXml(again));
        }
    }

    @Test
    void compactOutput() throws Exception {
        Element e = parseStanzas("<message to='a@b' type='chat'>\n<body>hi</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>").get(0);
        assertEquals("<message xmlns=\"jabber:client\" to=\"a@b\" type=\"chat\">\n<body>hi</body>"
                + "<active xmlns=\"http://jabber.org/protocol/chatstates\"/></message>", XmlWriter.toXml(e));
        Element f = parseStanzas("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>").get(0);
        assertEquals("<stream:features xmlns:stream=\"http://etherx.jabber.org/streams\">"
                + "<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/></stream:features>", XmlWriter.toXml(f));
    }

    @Test
    void tinderStanzasGetDefaultNamespace() throws Exception {
        Message m = new Message();
        m.setTo(new JID("juliet@example.com"));
        m.setType(Message.Type.chat);
        m.setBody("Hi & <bye>");
        m.setThread("t1");
        m.addChildElement("active", "http://jabber.org/protocol/chatstates");
        assertEquals("<message xmlns=\"jabber:client\" to=\"juliet@example.com\" type=\"chat\"><body>Hi &amp; &lt;bye&gt;</body>"
                + "<thread>t1</thread><active xmlns=\"http://jabber.org/protocol/chatstates\"/></message>",
                XmlWriter.toXml(m.getElement(), "jabber:client"));
        // without a default namespace: unqualified, exactly as dom4j would write it
        assertEquals(m.getElement().asXML(), XmlWriter.toXml(m.getElement()));

        Element again = parseDocument(XmlWriter.toXml(m.getElement(), "jabber:client"));
        assertEquals(QName.get("message", "jabber:client"), again.getQName());
        assertEquals(QName.get("body", "jabber:client"), again.elements().get(0).getQName());
        assertEquals("Hi & <bye>", new Message(again).getBody());

        IQ iq = new IQ(IQ.Type.result, "id1");
        iq.setChildElement("query", "jabber:iq:roster").addElement("item").addAttribute("jid", "a@b");
        String xml = XmlWriter.toXml(iq.getElement(), "jabber:server");
        assertEquals("<iq xmlns=\"jabber:server\" type=\"result\" id=\"id1\"><query xmlns=\"jabber:iq:roster\">"
                + "<item jid=\"a@b\"/></query></iq>", xml);

        Presence pr = new Presence(Presence.Type.unavailable);
        assertEquals("<presence xmlns=\"jabber:client\" type=\"unavailable\"/>", XmlWriter.toXml(pr.getElement(), "jabber:client"));
    }

    @Test
    void unqualifiedElementInsideOtherNamespaceIsUndeclared() {
        Element m = DF.createElement("message");
        Element x = m.addElement(QName.get("x", "urn:x"));
        x.add(DF.createElement(QName.get("y", Namespace.NO_NAMESPACE)));
        m.addElement("body").setText("b");
        assertEquals("<message xmlns=\"jabber:client\"><x xmlns=\"urn:x\"><y xmlns=\"\"/></x><body>b</body></message>",
                XmlWriter.toXml(m, "jabber:client"));
        assertEquals("<message><x xmlns=\"urn:x\"><y xmlns=\"\"/></x><body>b</body></message>", XmlWriter.toXml(m));
    }

    @Test
    void escaping() throws Exception {
        Element e = DF.createElement("m");
        e.addAttribute("a", "x\"y'<z>&\t\n\r");
        e.addText("a<b>c&d\"e'f]]>g\rh\ni\tj");
        String xml = XmlWriter.toXml(e);
        assertEquals("<m a=\"x&quot;y'&lt;z>&amp;&#9;&#10;&#13;\">a&lt;b&gt;c&amp;d\"e'f]]&gt;g&#13;h\ni\tj</m>", xml);
        Element back = parseDocument(xml);
        assertEquals("x\"y'<z>&\t\n\r", back.attributeValue("a"));
        assertEquals("a<b>c&d\"e'f]]>g\rh\ni\tj", back.getText());
    }

    @Test
    void invalidXmlCharactersAreReplaced() throws Exception {
        Element e = DF.createElement("m");
        e.addAttribute("a", "x\u0001y");
        e.addText("a\u0000b\uD800c\uDC00d\uFFFEe😀f");
        String xml = XmlWriter.toXml(e);
        assertEquals("<m a=\"x\uFFFDy\">a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀f</m>", xml);
        parseDocument(xml);
    }

    @Test
    void namespacedAttributes() throws Exception {
        Element e = DF.createElement(QName.get("m", "jabber:client"));
        e.addAttribute(QName.get("lang", Namespace.XML_NAMESPACE), "en");
        e.addAttribute(QName.get("a", "p", "urn:p"), "1");
        e.addAttribute(QName.get("b", "", "urn:noprefix"), "2");
        Element c = e.addElement(QName.get("c", "p", "urn:other"));  // p rebound on child
        c.addAttribute(QName.get("d", "p", "urn:p"), "3");           // attribute wants the outer p
        String xml = XmlWriter.toXml(e);
        assertFalse(xml.contains("xmlns:xml"), xml);
        assertTrue(xml.contains(" xml:lang=\"en\""), xml);
        Element back = parseDocument(xml);
        assertSameStructure(e, back);
        assertSameStructure(e, DocumentHelper.parseText(xml).getRootElement());
    }

    @Test
    void prefixedElementWithExtraDeclarations() throws Exception {
        Element e = DF.createElement(QName.get("features", "stream", "http://etherx.jabber.org/streams"));
        e.add(Namespace.get("db", "jabber:server:dialback"));
        e.addElement(QName.get("dialback", "urn:xmpp:features:dialback"));
        String xml = XmlWriter.toXml(e, "jabber:server");
        assertEquals("<stream:features xmlns:stream=\"http://etherx.jabber.org/streams\" xmlns:db=\"jabber:server:dialback\">"
                + "<dialback xmlns=\"urn:xmpp:features:dialback\"/></stream:features>", xml);
    }

    @Test
    void cdataIsWrittenAsEscapedText() throws Exception {
        Element e = DF.createElement("m");
        e.addCDATA("<raw>&");
        e.addComment("not written");
        e.addProcessingInstruction("pi", "not written");
        assertEquals("<m>&lt;raw&gt;&amp;</m>", XmlWriter.toXml(e));
    }

    @Test
    void matchesDom4jForParsedStanzas() throws Exception {
        // XmlWriter and dom4j's asXML must describe the same infoset
        for (Element e : parseStanzas(XmlStreamParserTest.SAMPLE.substring(HEADER.length()))) {
            Element viaDom4j = DocumentHelper.parseText(e.asXML()).getRootElement();
            Element viaWriter = DocumentHelper.parseText(XmlWriter.toXml(e)).getRootElement();
            assertSameStructure(viaDom4j, viaWriter);
            assertNotNull(viaWriter);
        }
    }

    @Test
    void writeAppendsToBuilder() {
        StringBuilder sb = new StringBuilder("<x>");
        XmlWriter.write(DF.createElement("a"), null, sb);
        assertEquals("<x><a/>", sb.toString());
    }

    @Test
    void unqualifiedChildrenAddedToAParsedStanzaBelongToTheStanzaNamespace() throws Exception {
        Element iq = parseDocument("<iq xmlns='jabber:client' type='get' id='1'><query xmlns='urn:x'/></iq>");
        iq.addElement("error").addAttribute("type", "cancel");
        String xml = XmlWriter.toXml(iq, "jabber:client");
        assertEquals("<iq xmlns=\"jabber:client\" type=\"get\" id=\"1\"><query xmlns=\"urn:x\"/>"
                + "<error type=\"cancel\"/></iq>", xml);
    }
}
