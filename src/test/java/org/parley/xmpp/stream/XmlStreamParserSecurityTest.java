package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.xmpp.stream.Recorder.HEADER;
import static org.parley.xmpp.stream.Recorder.concat;
import static org.parley.xmpp.stream.Recorder.expect;
import static org.parley.xmpp.stream.Recorder.feed;
import static org.parley.xmpp.stream.Recorder.feedBytewise;
import static org.parley.xmpp.stream.Recorder.utf8;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Restricted XML, malformed input and resource limits. */
class XmlStreamParserSecurityTest {

    private static final String HEADER_NO_DECL = HEADER.substring("<?xml version='1.0'?>".length());

    static Stream<Arguments> restricted() {
        return Stream.of(
                Arguments.of("doctype at start", "<?xml version='1.0'?><!DOCTYPE stream:stream>" + HEADER_NO_DECL),
                Arguments.of("doctype first", "<!DOCTYPE stream SYSTEM 'http://evil/x.dtd'>" + HEADER_NO_DECL),
                Arguments.of("billion laughs", "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                        + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]>"
                        + "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>&lol2;"),
                Arguments.of("doctype mid-stream", HEADER + "<!DOCTYPE foo>"),
                Arguments.of("entity declaration in stream", HEADER + "<!ENTITY x 'y'>"),
                Arguments.of("entity declaration in stanza", HEADER + "<message><!ENTITY x SYSTEM 'file:///etc/passwd'></message>"),
                Arguments.of("element declaration", HEADER + "<!ELEMENT message ANY>"),
                Arguments.of("processing instruction in stanza", HEADER + "<message><?php echo 1; ?></message>"),
                Arguments.of("processing instruction between stanzas", HEADER + "<presence/><?foo?>"),
                Arguments.of("processing instruction before root", "<?foo bar?>" + HEADER_NO_DECL),
                Arguments.of("stylesheet PI at start", "<?xml-stylesheet href='x'?>" + HEADER_NO_DECL),
                Arguments.of("xml declaration mid-stream", HEADER + "<?xml version='1.0'?>"),
                Arguments.of("xml declaration after whitespace", " <?xml version='1.0'?>" + HEADER_NO_DECL),
                Arguments.of("comment in stanza", HEADER + "<message><!-- hi --><body/></message>"),
                Arguments.of("comment between stanzas", HEADER + "<presence/><!-- keepalive -->"),
                Arguments.of("comment before root", "<!-- x -->" + HEADER_NO_DECL),
                Arguments.of("custom entity in text", HEADER + "<message><body>&custom;</body></message>"),
                Arguments.of("custom entity in attribute", HEADER + "<message to='&custom;'/>"),
                Arguments.of("custom entity in root attribute", "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' to='&x;'>"),
                Arguments.of("long entity name", HEADER + "<message><body>&amplifier;</body></message>"),
                Arguments.of("predefined-looking entity", HEADER + "<message><body>&ampx;</body></message>"),
                Arguments.of("short non-predefined entity", HEADER + "<message><body>&lo;</body></message>"),
                Arguments.of("non-ascii entity", HEADER + "<message><body>&é;</body></message>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restricted")
    void restrictedXmlWhole(String name, String input) {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        expect("restricted-xml", () -> feed(p, input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restricted")
    void restrictedXmlBytewise(String name, String input) {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        expect("restricted-xml", () -> feedBytewise(p, utf8(input)));
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreFine() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        feedBytewise(p, utf8(HEADER + "<message a='&amp;&lt;&gt;&quot;&apos;&#65;&#x42;'>"
                + "<body>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;</body></message>"));
        assertEquals("&<>\"'AB", r.elements.get(0).attributeValue("a"));
        assertEquals("&<>\"'AB😀", r.elements.get(0).elementText("body"));
    }

    @Test
    void cdataMayContainMarkupLookalikes() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        String text = "<!DOCTYPE x><!-- c --><?pi?>&custom;]]";
        feedBytewise(p, utf8(HEADER + "<message><body><![CDATA[" + text + "]]]></body></message>"));
        assertEquals(text + "]", r.elements.get(0).elementText("body"));
    }

    @Test
    void stanzasBeforeTheViolationAreDelivered() {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        expect("restricted-xml", () -> feed(p, HEADER + "<presence/><message/><!-- x --><iq/>"));
        assertEquals(List.of("presence", "message"), r.elements.stream().map(e -> e.getName()).toList());
    }

    @Test
    void failureIsStickyUntilReset() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r);
        expect("restricted-xml", () -> feed(p, HEADER + "<!-- x -->"));
        expect("restricted-xml", () -> feed(p, "<presence/>"));
        expect("restricted-xml", p::endOfInput);
        p.reset();
        feed(p, HEADER + "<presence/>");
        assertEquals(1, r.elements.size());
    }

    // ------------------------------------------------------------------ not well-formed

    static Stream<Arguments> malformed() {
        byte[] h = utf8(HEADER + "<message><body>");
        byte[] t = utf8("</body></message>");
        return Stream.of(
                Arguments.of("mismatched tag", utf8(HEADER + "<message><body></message>")),
                Arguments.of("mismatched short tag", utf8(HEADER + "<a></b><presence/><presence/>")),
                Arguments.of("mismatched stream end", utf8(HEADER + "<message></stream:stream>")),
                Arguments.of("unbound prefix", utf8(HEADER + "<foo:bar/>")),
                Arguments.of("unbound attribute prefix", utf8(HEADER + "<message foo:a='1'/>")),
                Arguments.of("duplicate attribute", utf8(HEADER + "<message to='a' to='b'/>")),
                Arguments.of("duplicate namespaced attribute", utf8(HEADER + "<message xmlns:a='u' xmlns:b='u' a:x='1' b:x='2'/>")),
                Arguments.of("bare ampersand", utf8(HEADER + "<message><body>a & b</body></message>")),
                Arguments.of("empty entity", utf8(HEADER + "<message><body>&;</body></message>")),
                Arguments.of("lt in attribute", utf8(HEADER + "<message to='<'/>")),
                Arguments.of("unquoted attribute", utf8(HEADER + "<message to=a/>")),
                Arguments.of("text at stream level", utf8(HEADER + "hello<presence/>")),
                Arguments.of("text after stanza", utf8(HEADER + "<presence/>x")),
                Arguments.of("content after stream end", utf8(HEADER + "</stream:stream><presence/>")),
                Arguments.of("junk before root", utf8("hello" + HEADER_NO_DECL)),
                Arguments.of("invalid name", utf8(HEADER + "<1message/>")),
                Arguments.of("null char ref", utf8(HEADER + "<message><body>&#0;</body></message>")),
                Arguments.of("control char ref", utf8(HEADER + "<message><body>&#x1;</body></message>")),
                Arguments.of("surrogate char ref", utf8(HEADER + "<message><body>&#xD800;</body></message>")),
                Arguments.of("raw control char", utf8(HEADER + "<message><body>\u0001</body></message>")),
                Arguments.of("raw NUL", utf8(HEADER + "<message><body>\u0000</body></message>")),
                Arguments.of("xml 1.1", utf8("<?xml version='1.1'?>" + HEADER_NO_DECL)),
                Arguments.of("bad cdata start", utf8(HEADER + "<message><![CDAT[x]]></message>")),
                Arguments.of("utf8 bad continuation", concat(h, new byte[] {(byte) 0xC3, 0x28}, t)),
                Arguments.of("utf8 lone continuation", concat(h, new byte[] {(byte) 0x80}, t)),
                Arguments.of("utf8 overlong slash", concat(h, new byte[] {(byte) 0xC0, (byte) 0xAF}, t)),
                Arguments.of("utf8 overlong 3 byte", concat(h, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, t)),
                Arguments.of("utf8 overlong 4 byte", concat(h, new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, t)),
                Arguments.of("utf8 surrogate", concat(h, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, t)),
                Arguments.of("utf8 above U+10FFFF", concat(h, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, t)),
                Arguments.of("utf8 F5", concat(h, new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, t)),
                Arguments.of("utf8 FF", concat(h, new byte[] {(byte) 0xFF}, t)),
                Arguments.of("utf8 truncated", concat(h, new byte[] {(byte) 0xE2, (byte) 0x98}, t)),
                Arguments.of("utf8 U+FFFE", concat(h, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, t)),
                Arguments.of("latin1 byte in attribute", concat(utf8(HEADER + "<message to='caf"), new byte[] {(byte) 0xE9}, utf8("'/>"))),
                Arguments.of("latin1 byte in name", concat(utf8(HEADER + "<caf"), new byte[] {(byte) 0xE9}, utf8("/>"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void notWellFormedWhole(String name, byte[] input) {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        expect("not-well-formed", () -> feed(p, input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void notWellFormedBytewise(String name, byte[] input) {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        expect("not-well-formed", () -> feedBytewise(p, input));
    }

    @Test
    void unsupportedEncodingDeclaration() {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        expect("unsupported-encoding", () -> feed(p, concat(utf8("<?xml version='1.0' encoding='ISO-8859-1'?>"
                + HEADER_NO_DECL + "<message><body>caf"), new byte[] {(byte) 0xE9}, utf8("</body></message>"))));
        XmlStreamParser q = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        expect("unsupported-encoding", () -> feed(q, "<?xml version='1.0' encoding='UTF-16'?>" + HEADER_NO_DECL));
    }

    @Test
    void utf8DeclarationInAnyCaseIsFine() throws Exception {
        for (String enc : new String[] {"UTF-8", "utf-8"}) {
            Recorder r = new Recorder();
            feed(new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, r),
                    "<?xml version=\"1.0\" encoding=\"" + enc + "\" standalone='yes'?>" + HEADER_NO_DECL + "<presence/>");
            assertEquals(1, r.elements.size());
        }
    }

    // ------------------------------------------------------------------ size limits

    @Test
    void elementOfExactlyMaxBytesPassesOneMoreFails() throws Exception {
        int max = 200;
        String prefix = "<message><body>";
        String suffix = "</body></message>";
        String exact = prefix + "x".repeat(max - prefix.length() - suffix.length()) + suffix;
        assertEquals(max, exact.length());
        for (int chunk : new int[] {1, 7, 100, 100000}) {
            Recorder r = new Recorder();
            XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, max, r);
            Recorder.feedRandom(p, utf8(HEADER + "\n" + exact + " \n" + exact + exact), chunk, chunk);
            assertEquals(3, r.elements.size());

            String over = prefix + "x".repeat(max - prefix.length() - suffix.length() + 1) + suffix;
            XmlStreamParser q = new XmlStreamParser(XmlStreamParser.Mode.STREAM, max, new Recorder());
            expect("policy-violation", () -> Recorder.feedRandom(q, utf8(HEADER + over), chunk, chunk));
        }
    }

    @Test
    void multiByteCharactersCountAsBytes() throws Exception {
        String element = "<message><body>" + "€".repeat(60) + "</body></message>"; // 32 + 180 bytes
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 200, new Recorder());
        expect("policy-violation", () -> feed(p, HEADER + element));
        Recorder r = new Recorder();
        feed(new XmlStreamParser(XmlStreamParser.Mode.STREAM, 212, r), HEADER + element);
        assertEquals(1, r.elements.size());
    }

    @Test
    void hugeTextNodeFedInChunksFailsAsSoonAsTheLimitIsPassed() throws Exception {
        int max = 10_000;
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, max, new Recorder());
        feed(p, HEADER);
        feed(p, "<message><body>");
        byte[] chunk = new byte[1000];
        Arrays.fill(chunk, (byte) 'a');
        long fed = "<message><body>".length();
        XmlStreamException failure = null;
        for (int i = 0; i < 1000 && failure == null; i++) {
            try {
                p.feed(chunk, 0, chunk.length);
                fed += chunk.length;
            } catch (XmlStreamException e) {
                failure = e;
                fed += chunk.length;
            }
        }
        assertTrue(failure != null);
        assertEquals("policy-violation", failure.condition());
        assertTrue(fed > max && fed <= max + chunk.length, "failed after " + fed + " bytes");
    }

    @Test
    void hugeSingleChunkIsNotBufferedBeyondTheLimit() throws Exception {
        int max = 10_000;
        byte[] head = utf8(HEADER + "<message><body>");
        byte[] huge = new byte[head.length + 5_000_000];
        System.arraycopy(head, 0, huge, 0, head.length);
        Arrays.fill(huge, head.length, huge.length, (byte) 'a');
        for (String tail : new String[] {"text", "attribute", "name", "whitespace-in-tag"}) {
            byte[] data = huge.clone();
            if (tail.equals("attribute")) {
                byte[] h = utf8(HEADER + "<message to='");
                System.arraycopy(h, 0, data, 0, h.length);
                Arrays.fill(data, h.length, head.length, (byte) 'a');
            } else if (tail.equals("name")) {
                byte[] h = utf8(HEADER + "<m");
                System.arraycopy(h, 0, data, 0, h.length);
                Arrays.fill(data, h.length, head.length, (byte) 'a');
            } else if (tail.equals("whitespace-in-tag")) {
                byte[] h = utf8(HEADER + "<message");
                System.arraycopy(h, 0, data, 0, h.length);
                Arrays.fill(data, h.length, data.length, (byte) ' ');
            }
            XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, max, new Recorder());
            expect("policy-violation", () -> p.feed(data, 0, data.length));
            long consumed = p.consumedBytes();
            assertTrue(consumed <= utf8(HEADER).length + max + 1, tail + ": consumed " + consumed);
        }
    }

    @Test
    void hugeStreamHeaderIsAPolicyViolation() throws Exception {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1000, new Recorder());
        byte[] data = utf8("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' to='" + "a".repeat(5_000_000) + "'>");
        expect("policy-violation", () -> feed(p, data));
        assertTrue(p.consumedBytes() <= 1001);
        // the XML declaration and whitespace before the root count too
        XmlStreamParser q = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1000, new Recorder());
        expect("policy-violation", () -> feed(q, "<?xml version='1.0'?>" + " ".repeat(2000) + HEADER_NO_DECL));
        // but a header within the limit is fine
        Recorder r = new Recorder();
        feedBytewise(new XmlStreamParser(XmlStreamParser.Mode.STREAM, HEADER.length(), r), utf8(HEADER));
        assertEquals(1, r.roots.size());
    }

    @Test
    void tooDeepNesting() throws Exception {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, 100, new Recorder());
        // root (1) + 100 levels = 101
        expect("policy-violation", () -> feed(p, HEADER + "<a>".repeat(100)));
        XmlStreamParser q = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, new Recorder());
        expect("policy-violation", () -> feedBytewise(q, utf8(HEADER + "<a>".repeat(10_000))));
    }

    @Test
    void tooManyDistinctNamesInOneStanza() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append("<message>");
        for (int i = 0; i < XmlStreamParser.MAX_NAMES + 10; i++) {
            sb.append("<e").append(i).append("/>");
        }
        sb.append("</message>");
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1 << 20, new Recorder());
        XmlStreamException e = expect("policy-violation", () -> feed(p, sb.toString()));
        assertTrue(e.getMessage().contains("names"));
    }

    @Test
    void manyAttributesAreHandledInLinearTime() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append("<message");
        for (int i = 0; i < 1500; i++) {
            sb.append(" a").append(i).append("='").append(i).append('\'');
        }
        sb.append("/>");
        Recorder r = new Recorder();
        feed(new XmlStreamParser(XmlStreamParser.Mode.STREAM, 1 << 20, r), sb.toString());
        assertEquals(1500, r.elements.get(0).attributeCount());
        assertEquals("1499", r.elements.get(0).attributeValue("a1499"));
    }

    @Test
    void errorMessagesAreSingleLine() {
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 4096, new Recorder());
        XmlStreamException e = expect("not-well-formed", () -> feed(p, HEADER + "<a></bcdefgh>"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
