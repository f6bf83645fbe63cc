package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.xmpp.stream.Recorder.HEADER;
import static org.parley.xmpp.stream.Recorder.concat;
import static org.parley.xmpp.stream.Recorder.feed;
import static org.parley.xmpp.stream.Recorder.feedBytewise;
import static org.parley.xmpp.stream.Recorder.feedRandom;
import static org.parley.xmpp.stream.Recorder.utf8;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/** STREAM mode: structure, namespaces, text, chunking, reset. */
class XmlStreamParserTest {

    static final String STREAMS = "http://etherx.jabber.org/streams";

    /** A stream exercising most features; used for the split-anywhere tests. */
    static final String SAMPLE = HEADER
            + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
            + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>"
            + "</stream:features>\n"
            + "<message to='juliet@example.com/balcony' from='romeo@example.net/orchard' type='chat' id='m1'"
            + " xml:lang='fr'><body>Café — ☺ 😀 &amp; &lt;tag&gt; &quot;q&quot; &apos;a&apos; &#x263A;&#128512;</body>"
            + "<thread>e0ffe42b28561960c6b12b944a092794b9683a38</thread>"
            + "<active xmlns='http://jabber.org/protocol/chatstates'/></message> \n\t "
            + "<presence><show>away</show><status xml:lang='de'>Grüße</status>"
            + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://x' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>"
            + "</presence>"
            + "<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>"
            + "<iq type='set' id='x'><foo:bar xmlns:foo='urn:foo' foo:attr='1' plain='2'><foo:baz>t<![CDATA[<raw> & ]]>u</foo:baz></foo:bar></iq>"
            + "<message><body>line1\nline2\r\n</body></message>"
            + "</stream:stream>";

    private static Recorder parseWhole(String s) throws XmlStreamException {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, r);
        feed(p, s);
        return r;
    }

    @Test
    void streamHeaderAndStanzas() throws Exception {
        Recorder r = parseWhole(SAMPLE);
        assertEquals(1, r.roots.size());
        RootElement root = r.roots.get(0);
        assertEquals("stream", root.localName());
        assertEquals("stream", root.prefix());
        assertEquals(STREAMS, root.namespaceUri());
        assertTrue(root.isXmppStream());
        assertEquals(Map.of("", "jabber:client", "stream", STREAMS), root.namespaces());
        assertEquals(Map.of("to", "example.com", "version", "1.0", "xml:lang", "en"), root.attributes());
        assertEquals(List.of("", "stream"), new ArrayList<>(root.namespaces().keySet()));
        assertEquals(1, r.closed);
        assertEquals(6, r.elements.size());
        assertEquals("close", r.events.get(r.events.size() - 1));
        assertEquals("open:stream:stream", r.events.get(0));

        Element features = r.elements.get(0);
        assertEquals(QName.get("features", "stream", STREAMS), features.getQName());
        assertEquals("stream", features.getNamespacePrefix());
        Element starttls = features.element(QName.get("starttls", "urn:ietf:params:xml:ns:xmpp-tls"));
        assertNotNull(starttls);
        assertNotNull(starttls.element(QName.get("required", "urn:ietf:params:xml:ns:xmpp-tls")));
        assertEquals("PLAIN", features.element(QName.get("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl"))
                .elementText(QName.get("mechanism", "urn:ietf:params:xml:ns:xmpp-sasl")));

        Element msg = r.elements.get(1);
        assertEquals(QName.get("message", "jabber:client"), msg.getQName());
        assertEquals("", msg.getNamespacePrefix());
        assertNull(msg.getParent());
        assertNull(msg.getDocument());
        assertEquals("juliet@example.com/balcony", msg.attributeValue("to"));
        assertEquals("fr", msg.attributeValue(QName.get("lang", Namespace.XML_NAMESPACE)));
        Element body = msg.element(QName.get("body", "jabber:client"));
        assertEquals("Café — ☺ 😀 & <tag> \"q\" 'a' ☺😀", body.getText());
        assertEquals(1, body.nodeCount(), "entities and text must be merged into one text node");
        assertNotNull(msg.element(QName.get("active", "http://jabber.org/protocol/chatstates")));

        Element presence = r.elements.get(2);
        assertEquals("Grüße", presence.elementText("status"));
        assertEquals("de", presence.element("status").attributeValue(QName.get("lang", Namespace.XML_NAMESPACE)));
        assertEquals("sha-1", presence.element(QName.get("c", "http://jabber.org/protocol/caps")).attributeValue("hash"));

        Element roster = r.elements.get(3);
        assertEquals("jabber:iq:roster", roster.elements().get(0).getNamespaceURI());

        Element iq = r.elements.get(4);
        Element bar = iq.elements().get(0);
        assertEquals(QName.get("bar", "foo", "urn:foo"), bar.getQName());
        assertEquals("foo", bar.getNamespacePrefix());
        assertEquals("1", bar.attributeValue(QName.get("attr", "foo", "urn:foo")));
        assertEquals("2", bar.attributeValue("plain"));
        Element baz = bar.elements().get(0);
        assertEquals(QName.get("baz", "foo", "urn:foo"), baz.getQName());
        assertEquals("t<raw> & u", baz.getText());

        assertEquals("line1\nline2\n", r.elements.get(5).elementText("body"), "CRLF is normalised to LF by XML");
    }

    @Test
    void elementsAreUsableWithTinder() throws Exception {
        Recorder r = parseWhole(HEADER
                + "<message to='juliet@example.com' from='romeo@example.net/a' type='chat' id='1'><body>hi</body></message>"
                + "<presence type='unavailable'/>"
                + "<iq type='get' id='r1' to='example.com'><ping xmlns='urn:xmpp:ping'/></iq>");
        Message m = new Message(r.elements.get(0));
        assertEquals("hi", m.getBody());
        assertEquals("juliet@example.com", m.getTo().toString());
        assertEquals(Message.Type.chat, m.getType());
        Presence pr = new Presence(r.elements.get(1));
        assertEquals(Presence.Type.unavailable, pr.getType());
        IQ iq = new IQ(r.elements.get(2));
        assertEquals(IQ.Type.get, iq.getType());
        assertEquals("urn:xmpp:ping", iq.getChildElement().getNamespaceURI());
    }

    @Test
    void asXmlOfElementsIsStandaloneAndNamespaceCorrect() throws Exception {
        Recorder r = parseWhole(SAMPLE);
        for (Element e : r.elements) {
            Document reparsed = DocumentHelper.parseText(e.asXML()); // throws if not well-formed / unbound prefix
            XmlWriterTest.assertSameStructure(e, reparsed.getRootElement());
        }
        String msg = r.elements.get(1).asXML();
        assertTrue(msg.startsWith("<message xmlns=\"jabber:client\""), msg);
        assertTrue(r.elements.get(0).asXML().startsWith("<stream:features xmlns:stream=\"" + STREAMS + "\""));
    }

    @Test
    void prefixDeclaredOnRootIsResolvedInStanza() throws Exception {
        Recorder r = parseWhole("<stream:stream xmlns='jabber:server' xmlns:stream='" + STREAMS + "'"
                + " xmlns:db='jabber:server:dialback' version='1.0'>"
                + "<db:result from='a.example' to='b.example'>deadbeef</db:result>"
                + "<message db:extra='1' from='x@a.example' to='y@b.example'/>");
        Element result = r.elements.get(0);
        assertEquals(QName.get("result", "db", "jabber:server:dialback"), result.getQName());
        assertEquals("deadbeef", result.getText());
        assertTrue(result.asXML().contains("xmlns:db=\"jabber:server:dialback\""));
        Element msg = r.elements.get(1);
        assertEquals("jabber:server", msg.getNamespaceURI());
        Attribute extra = msg.attribute(QName.get("extra", "db", "jabber:server:dialback"));
        assertEquals("1", extra.getValue());
        DocumentHelper.parseText(msg.asXML());
        assertEquals("jabber:server:dialback", r.roots.get(0).namespaces().get("db"));
    }

    @Test
    void defaultNamespaceUndeclaredInsideStanza() throws Exception {
        Recorder r = parseWhole(HEADER + "<message><x xmlns=''><y/></x><z xmlns='urn:z'><w/></z></message>");
        Element msg = r.elements.get(0);
        Element x = msg.elements().get(0);
        assertEquals("", x.getNamespaceURI());
        assertEquals("", x.elements().get(0).getNamespaceURI());
        Element z = msg.elements().get(1);
        assertEquals("urn:z", z.getNamespaceURI());
        assertEquals("urn:z", z.elements().get(0).getNamespaceURI());
        Element again = DocumentHelper.parseText(msg.asXML()).getRootElement();
        XmlWriterTest.assertSameStructure(msg, again);
    }

    @Test
    void extraNamespaceDeclarationsAreKept() throws Exception {
        Recorder r = parseWhole(HEADER + "<iq xmlns:a='urn:a' type='result'><q xmlns='urn:q' xmlns:b='urn:b'><a:x b:y='1'/></q></iq>");
        Element iq = r.elements.get(0);
        assertEquals(Namespace.get("a", "urn:a"), iq.getNamespaceForPrefix("a"));
        Element q = iq.elements().get(0);
        assertEquals(1, q.declaredNamespaces().size(), "xmlns='urn:q' is the element's own namespace");
        assertEquals(Namespace.get("b", "urn:b"), q.declaredNamespaces().get(0));
        Element x = q.elements().get(0);
        assertEquals(QName.get("x", "a", "urn:a"), x.getQName());
        assertEquals("1", x.attributeValue(QName.get("y", "b", "urn:b")));
    }

    @Test
    void rootWithoutXmlDeclarationAndSingleQuotes() throws Exception {
        Recorder r = parseWhole("<stream:stream to=\"example.com\" xmlns=\"jabber:client\" xmlns:stream=\""
                + STREAMS + "\" version=\"1.0\" xmlns:xmpp=\"urn:xmpp\" xmpp:version=\"2\">");
        RootElement root = r.roots.get(0);
        assertEquals("2", root.attribute("xmpp:version"));
        assertEquals("urn:xmpp", root.namespaces().get("xmpp"));
        assertEquals(0, r.closed);
    }

    @Test
    void emptyRootOpensAndCloses() throws Exception {
        Recorder r = parseWhole("<body xmlns='http://jabber.org/protocol/httpbind' rid='1' sid='s'/>");
        assertEquals("body", r.roots.get(0).localName());
        assertEquals("http://jabber.org/protocol/httpbind", r.roots.get(0).namespaceUri());
        assertEquals(List.of("open:body", "close"), r.events);
    }

    @Test
    void boshBodyWithStanzas() throws Exception {
        Recorder r = parseWhole("<body rid='1' sid='s' xmlns='http://jabber.org/protocol/httpbind'>"
                + "<message xmlns='jabber:client' to='a@b'><body>x</body></message></body>");
        assertEquals("jabber:client", r.elements.get(0).getNamespaceURI());
        assertEquals(1, r.closed);
    }

    @Test
    void stanzaBeforeStreamHeaderIsReportedAsRootForTheCallerToReject() throws Exception {
        Recorder r = parseWhole("<message to='a@b'><body>hi</body></message>");
        assertEquals("message", r.roots.get(0).localName());
        assertFalse(r.roots.get(0).isXmppStream());
        assertTrue(r.elements.stream().allMatch(e -> e.getName().equals("body")));
    }

    // ------------------------------------------------------------------ chunking

    private static List<String> events(XmlStreamParser.Mode mode, byte[] data, int how, long seed) throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(mode, 65536, r);
        switch (how) {
            case 0 -> feed(p, data);
            case 1 -> feedBytewise(p, data);
            default -> feedRandom(p, data, seed, how);
        }
        return r.events;
    }

    @Test
    void feedingOneByteAtATimeGivesTheSameResult() throws Exception {
        byte[] data = utf8(SAMPLE);
        List<String> whole = events(XmlStreamParser.Mode.STREAM, data, 0, 0);
        assertEquals(8, whole.size());
        assertEquals(whole, events(XmlStreamParser.Mode.STREAM, data, 1, 0));
    }

    @Test
    void splittingAtEveryPositionGivesTheSameResult() throws Exception {
        byte[] data = utf8(SAMPLE);
        List<String> whole = events(XmlStreamParser.Mode.STREAM, data, 0, 0);
        for (int cut = 1; cut < data.length; cut++) {
            Recorder r = new Recorder();
            XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, r);
            p.feed(data, 0, cut);
            p.feed(data, cut, data.length - cut);
            assertEquals(whole, r.events, "split at " + cut);
        }
    }

    @Test
    void randomChunksGiveTheSameResult() throws Exception {
        byte[] data = utf8(SAMPLE);
        List<String> whole = events(XmlStreamParser.Mode.STREAM, data, 0, 0);
        for (long seed = 0; seed < 200; seed++) {
            assertEquals(whole, events(XmlStreamParser.Mode.STREAM, data, 2 + (int) (seed % 40), seed), "seed " + seed);
        }
    }

    @Test
    void multiByteUtf8SplitInsideCharacters() throws Exception {
        // 2-, 3- and 4-byte characters, split after each of their bytes
        String[] chars = {"é", "€", "☺", "😀", "𝄞"};
        for (String c : chars) {
            byte[] cb = utf8(c);
            for (int split = 1; split < cb.length; split++) {
                Recorder r = new Recorder();
                XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
                feed(p, HEADER + "<message><body>a");
                p.feed(cb, 0, split);
                assertTrue(r.elements.isEmpty());
                byte[] rest = concat(java.util.Arrays.copyOfRange(cb, split, cb.length), utf8("b</body></message>"));
                feed(p, rest);
                assertEquals("a" + c + "b", r.elements.get(0).elementText("body"), c + " split at " + split);
            }
        }
        // and inside names and attribute values
        byte[] data = utf8(HEADER + "<message to='jüliet@例え.jp'><bödy xmlns='urn:ü'>x</bödy></message>");
        Recorder r = new Recorder();
        feedBytewise(new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r), data);
        assertEquals("jüliet@例え.jp", r.elements.get(0).attributeValue("to"));
        assertEquals(QName.get("bödy", "urn:ü"), r.elements.get(0).elements().get(0).getQName());
    }

    @Test
    void supplementaryCharactersSplitInAttributesNamespacesAndNames() throws Exception {
        // Aalto 1.3.3 garbles a 4-byte character in an attribute value that is split across two
        // feedInput() calls; the parser must never let that happen
        String doc = HEADER.replace("xml:lang='en'", "xml:lang='en' from='r😀@x'")
                + "<message to='😀@example.com/𝄞' xmlns:e='urn:😀'><body a='x😀y'>x😀y</body>"
                + "<e:x e:b='😀😀'/><y xmlns='urn:😀:𝄞'/></message>";
        byte[] data = utf8(doc);
        List<String> whole = events(XmlStreamParser.Mode.STREAM, data, 0, 0);
        assertTrue(whole.get(1).contains("to=\"😀@example.com/𝄞\""), whole.get(1));
        assertTrue(whole.get(1).contains("xmlns=\"urn:😀:𝄞\""), whole.get(1));
        for (int cut = 1; cut < data.length; cut++) {
            for (int cut2 = cut + 1; cut2 <= Math.min(data.length, cut + 3); cut2++) {
                Recorder r = new Recorder();
                XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
                p.feed(data, 0, cut);
                p.feed(data, cut, cut2 - cut);
                p.feed(data, cut2, data.length - cut2);
                assertEquals(whole, r.events, "cuts " + cut + "," + cut2);
                assertEquals("r😀@x", r.roots.get(0).attribute("from"));
            }
        }
        assertEquals(whole, events(XmlStreamParser.Mode.STREAM, data, 1, 0));
        // and where the size-limit slicing would cut inside a character
        for (int max = HEADER.length(); max < HEADER.length() + 20; max++) {
            Recorder r = new Recorder();
            feed(new XmlStreamParser(XmlStreamParser.Mode.STREAM, max, r),
                    HEADER + "<message a='" + "😀".repeat(20) + "'/>");
            assertEquals("😀".repeat(20), r.elements.get(0).attributeValue("a"));
        }
    }

    @Test
    void incompleteCharacterAtEndOfInput() throws Exception {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 4096, new Recorder());
        byte[] data = utf8("<message xmlns='jabber:client'><body>😀</body></message>");
        int emoji = utf8("<message xmlns='jabber:client'><body>").length;
        p.feed(data, 0, emoji + 2); // half of the emoji
        Recorder.expect("not-well-formed", p::endOfInput);
    }

    @Test
    void manyStanzasInOneChunk() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 2000; i++) {
            sb.append("<message id='").append(i).append("'><body>").append(i).append("</body></message>");
            if (i % 7 == 0) {
                sb.append(' ');
            }
        }
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1024, r);
        feed(p, sb.toString());
        assertEquals(2000, r.elements.size());
        for (int i = 0; i < 2000; i++) {
            assertEquals(String.valueOf(i), r.elements.get(i).attributeValue("id"));
            assertEquals(String.valueOf(i), r.elements.get(i).elementText("body"));
        }
    }

    @Test
    void whitespaceKeepAlivesAreIgnored() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 256, r);
        feed(p, "\n  " + HEADER.substring("<?xml version='1.0'?>".length()) + " ");
        for (int i = 0; i < 5000; i++) { // far more whitespace than maxElementBytes in total
            feed(p, i % 2 == 0 ? " " : "\r\n\t");
        }
        feed(p, "<presence/>");
        for (int i = 0; i < 10; i++) {
            feed(p, " ".repeat(1000)); // a single whitespace run longer than maxElementBytes
        }
        feed(p, "\n<presence/>\n");
        assertEquals(2, r.elements.size());
        assertEquals(List.of("open:stream:stream", "element:<presence xmlns=\"jabber:client\"/>",
                "element:<presence xmlns=\"jabber:client\"/>"), r.events);
        for (Element e : r.elements) {
            assertEquals(0, e.nodeCount());
        }
    }

    @Test
    void whitespaceInsideStanzaIsKept() throws Exception {
        Recorder r = parseWhole(HEADER + "<message>\n  <body> x </body>\n</message>");
        Element m = r.elements.get(0);
        assertEquals(" x ", m.elementText("body"));
        assertEquals("\n  \n", m.getText());
    }

    @Test
    void feedByteBufferHeapDirectAndReadOnly() throws Exception {
        byte[] data = utf8(SAMPLE);
        List<String> expected = events(XmlStreamParser.Mode.STREAM, data, 0, 0);
        for (int kind = 0; kind < 3; kind++) {
            Recorder r = new Recorder();
            XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, r);
            int off = 0;
            while (off < data.length) {
                int n = Math.min(100, data.length - off);
                ByteBuffer bb;
                if (kind == 0) {
                    byte[] padded = new byte[n + 10];
                    System.arraycopy(data, off, padded, 5, n);
                    bb = ByteBuffer.wrap(padded, 5, n).slice();
                } else {
                    bb = ByteBuffer.allocateDirect(n);
                    bb.put(data, off, n).flip();
                    if (kind == 2) {
                        bb = bb.asReadOnlyBuffer();
                    }
                }
                p.feed(bb);
                assertFalse(bb.hasRemaining());
                off += n;
            }
            assertEquals(expected, r.events, "kind " + kind);
        }
        // a direct buffer larger than the internal scratch array
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            sb.append("<message id='").append(i).append("'/>");
        }
        byte[] big = utf8(sb.toString());
        ByteBuffer bb = ByteBuffer.allocateDirect(big.length);
        bb.put(big).flip();
        Recorder r = new Recorder();
        new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1024, r).feed(bb);
        assertEquals(500, r.elements.size());
    }

    @Test
    void directBufferFedFromAListenerOfAnotherParserOnTheSameThread() throws Exception {
        Recorder inner = new Recorder();
        XmlStreamParser innerParser = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, inner);
        Recorder outer = new Recorder();
        outer.onElement = e -> {
            try {
                innerParser.feed(direct(utf8("<iq id='" + e.attributeValue("id") + "'/>")));
            } catch (XmlStreamException x) {
                throw new IllegalStateException(x);
            }
        };
        innerParser.feed(direct(utf8(HEADER)));
        XmlStreamParser outerParser = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, outer);
        outerParser.feed(direct(utf8(HEADER + "<message id='1'/><message id='2'/><message id='3'/>")));
        assertEquals(3, outer.elements.size());
        assertEquals(List.of("1", "2", "3"), inner.elements.stream().map(e -> e.attributeValue("id")).toList());
    }

    private static ByteBuffer direct(byte[] b) {
        ByteBuffer bb = ByteBuffer.allocateDirect(b.length);
        bb.put(b).flip();
        return bb;
    }

    // ------------------------------------------------------------------ end of stream, reset

    @Test
    void rootClosedOnStreamEnd() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        feed(p, HEADER + "<presence/>");
        assertEquals(0, r.closed);
        assertFalse(p.isRootClosed());
        feed(p, "</stream:");
        assertEquals(0, r.closed);
        feed(p, "stream>");
        assertEquals(1, r.closed);
        assertTrue(p.isRootClosed());
        feed(p, "\n ");
        p.endOfInput(); // complete stream: fine
    }

    @Test
    void endOfInputWithOpenStreamIsNotWellFormed() throws Exception {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        feed(p, HEADER + "<message><body>");
        Recorder.expect("not-well-formed", p::endOfInput);
        // nothing at all, or whitespace only, is fine
        XmlStreamParser q = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        feed(q, "  ");
        q.endOfInput();
    }

    @Test
    void resetAfterStarttlsStartsNewDocumentWithXmlDeclaration() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        feed(p, HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        assertEquals("starttls", r.last().getName());
        p.reset();
        assertNull(p.root());
        // (TLS handshake happens here) new stream, with XML declaration again
        feed(p, "<?xml version='1.0' encoding='UTF-8'?><stream:stream xmlns='jabber:client' xmlns:stream='"
                + STREAMS + "' to='example.com' version='1.0'>");
        feed(p, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGp1bGlldAByMG0zMG15cjBtMzA=</auth>");
        p.reset();
        feedBytewise(p, utf8(HEADER + "<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>"));
        assertEquals(3, r.roots.size());
        assertEquals(List.of("starttls", "auth", "iq"), r.elements.stream().map(Element::getName).toList());
        assertEquals("jabber:client", r.last().getNamespaceURI());
        assertSame(r.roots.get(2), p.root());
    }

    @Test
    void resetFromListenerCallbackParsesRestOfChunkAsNewStream() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        r.onElement = e -> {
            if (e.getName().equals("auth")) {
                p.reset(); // e.g. SASL success sent synchronously
            }
        };
        String chunk = HEADER + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AA==</auth>"
                + HEADER + "<iq type='set' id='b'/><presence/>";
        feed(p, chunk);
        assertEquals(2, r.roots.size());
        assertEquals(List.of("auth", "iq", "presence"), r.elements.stream().map(Element::getName).toList());

        // same, split at every position
        byte[] data = utf8(chunk);
        for (int cut = 1; cut < data.length; cut++) {
            Recorder r2 = new Recorder();
            XmlStreamParser p2 = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r2);
            r2.onElement = e -> {
                if (e.getName().equals("auth")) {
                    p2.reset();
                }
            };
            p2.feed(data, 0, cut);
            p2.feed(data, cut, data.length - cut);
            assertEquals(r.events, r2.events, "cut " + cut);
        }
    }

    @Test
    void starttlsDiscardsPlaintextPipelinedAfterIt() throws Exception {
        String starttls = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
        String injected = "<iq type='set' id='evil'><query xmlns='jabber:iq:register'/></iq>";
        for (int kind = 0; kind < 3; kind++) {
            Recorder r = new Recorder();
            XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
            r.onElement = e -> {
                if (e.getName().equals("starttls")) {
                    p.resetAndDiscardRemainingInput();
                }
            };
            byte[] data = utf8(HEADER + starttls + injected);
            int expectedDiscard = utf8(injected).length;
            if (kind == 0) {
                feed(p, data);
            } else if (kind == 1) {
                ByteBuffer bb = ByteBuffer.allocateDirect(data.length);
                bb.put(data).flip();
                p.feed(bb);
                assertFalse(bb.hasRemaining());
            } else {
                // direct buffer bigger than the internal scratch array: discarding spans several pieces
                byte[] pad = utf8(" ".repeat(20_000));
                data = concat(utf8(HEADER + starttls), pad, utf8(injected));
                expectedDiscard = pad.length + utf8(injected).length;
                ByteBuffer bb = ByteBuffer.allocateDirect(data.length);
                bb.put(data).flip();
                p.feed(bb);
                assertFalse(bb.hasRemaining());
            }
            assertEquals(List.of("starttls"), r.elements.stream().map(Element::getName).toList(), "kind " + kind);
            assertEquals(expectedDiscard, p.discardedBytes(), "kind " + kind);
            // after the TLS handshake: a fresh stream
            feed(p, HEADER + "<presence/>");
            assertEquals(0, p.discardedBytes());
            assertEquals(2, r.roots.size());
            assertEquals("presence", r.last().getName());
        }
        // nothing pipelined: nothing discarded
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        r.onElement = e -> p.resetAndDiscardRemainingInput();
        feed(p, HEADER + starttls);
        assertEquals(0, p.discardedBytes());
        feed(p, HEADER + "<presence/>");
        assertEquals(2, r.elements.size());
    }

    @Test
    void resetFromRootCallback() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        r.onRoot = root -> {
            if (r.roots.size() == 1) {
                p.reset();
            }
        };
        feed(p, HEADER + HEADER + "<presence/>");
        assertEquals(2, r.roots.size());
        assertEquals(1, r.elements.size());
    }

    @Test
    void listenerExceptionPropagatesAndRequiresReset() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        r.onElement = e -> {
            throw new IllegalArgumentException("boom");
        };
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> feed(p, HEADER + "<presence/>"));
        assertEquals("boom", ex.getMessage());
        assertThrows(IllegalStateException.class, () -> feed(p, "<presence/>"));
        r.onElement = null;
        p.reset();
        feed(p, HEADER + "<presence/>");
        assertEquals(2, r.elements.size());
    }

    @Test
    void feedFromCallbackIsRejected() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        r.onElement = e -> {
            try {
                feed(p, "<presence/>");
            } catch (XmlStreamException x) {
                throw new AssertionError(x);
            }
        };
        assertThrows(IllegalStateException.class, () -> feed(p, HEADER + "<presence/>"));
    }

    @Test
    void readerIsReplacedTransparentlyAfterManyDistinctNames() throws Exception {
        // every stanza brings new element/attribute names and namespaces; the parser must bound the
        // Aalto symbol table by replacing the reader between stanzas without the caller noticing
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        StringBuilder sb = new StringBuilder(HEADER.replace("xml:lang='en'", "xmlns:db='jabber:server:dialback'"));
        int n = 3 * XmlStreamParser.REBASE_NAMES;
        for (int i = 0; i < n; i++) {
            sb.append("<message a").append(i).append("='v&amp;'><x").append(i).append(" xmlns='urn:x:").append(i)
                    .append("' xmlns:p").append(i).append("='urn:p'/><db:r/><body>&lt;é<![CDATA[<!-- &x; -->]]></body></message>");
        }
        sb.append("</stream:stream>");
        byte[] data = utf8(sb.toString());
        feedRandom(p, data, 42, 300);
        assertEquals(n, r.elements.size());
        for (int i = 0; i < n; i++) {
            Element m = r.elements.get(i);
            assertEquals(QName.get("message", "jabber:client"), m.getQName());
            assertEquals("v&", m.attributeValue("a" + i));
            assertEquals(QName.get("x" + i, "urn:x:" + i), m.elements().get(0).getQName());
            assertEquals(QName.get("r", "db", "jabber:server:dialback"), m.elements().get(1).getQName());
            assertEquals("<é<!-- &x; -->", m.elementText("body"));
        }
        assertEquals(1, r.closed);
        // whatever the chunking (and so wherever the reader replacement falls inside a slice)
        for (int chunk : new int[] {1, 2, 3, 5, 64, 1000, 5000, 100_000}) {
            Recorder r2 = new Recorder();
            XmlStreamParser p2 = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r2);
            feedRandom(p2, data, chunk, chunk);
            assertEquals(r.events, r2.events, "chunk " + chunk);
        }
        // and with the slicing imposed by a small maxElementBytes
        Recorder r3 = new Recorder();
        feed(new XmlStreamParser(XmlStreamParser.Mode.STREAM, 200, r3), data);
        assertEquals(r.events, r3.events);
    }

    @Test
    void deepButAllowedNesting() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, 100, r);
        // root (1) + 99 levels = 100
        feed(p, HEADER + "<a>".repeat(99) + "x" + "</a>".repeat(99));
        Element e = r.elements.get(0);
        int levels = 1;
        while (!e.elements().isEmpty()) {
            e = e.elements().get(0);
            levels++;
        }
        assertEquals(99, levels);
        assertEquals("x", e.getText());
    }

    @Test
    void attributesOrderAndValues() throws Exception {
        Recorder r = parseWhole(HEADER + "<iq id='a&amp;b' type=\"get\" to='x&#x40;y' from='&lt;&gt;&quot;&apos;' t='a\tb\nc'/>");
        Element iq = r.elements.get(0);
        assertEquals(List.of("id", "type", "to", "from", "t"), iq.attributes().stream().map(Attribute::getName).toList());
        assertEquals("a&b", iq.attributeValue("id"));
        assertEquals("x@y", iq.attributeValue("to"));
        assertEquals("<>\"'", iq.attributeValue("from"));
        assertEquals("a b c", iq.attributeValue("t"), "attribute value normalisation");
    }

    @Test
    void rootAccessorsAndCopies() throws Exception {
        Recorder r = parseWhole(HEADER);
        RootElement root = r.roots.get(0);
        assertThrows(UnsupportedOperationException.class, () -> root.attributes().put("x", "y"));
        assertEquals("stream:stream", root.qualifiedName());
        assertEquals("en", root.attribute("xml:lang"));
        assertArrayEquals(new String[] {"to", "version", "xml:lang"}, root.attributes().keySet().toArray(new String[0]));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"<a></b>", "<message><body>hi</body></mess>",
            "<abc></ab>", "<x><y></x></y>", "<a:b xmlns:a='u'></b>"})
    void mismatchedEndTagsAreNotWellFormedAtOnceHoweverFed(String stanza) {
        XmlStreamException whole = assertThrows(XmlStreamException.class, () -> parseWhole(HEADER + stanza));
        assertEquals("not-well-formed", whole.condition());
        XmlStreamException bytewise = assertThrows(XmlStreamException.class, () -> feedBytewise(
                new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, new Recorder()),
                Recorder.utf8(HEADER + stanza)));
        assertEquals("not-well-formed", bytewise.condition());
    }
}
