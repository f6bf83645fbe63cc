package org.parley.xmpp.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** limitElementBytes: a per-connection limit under the parser's own, read as input arrives. */
class XmlStreamParserLimitTest {
    static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    static byte[] message(int bodyChars) {
        return ("<message><body>" + "x".repeat(bodyChars) + "</body></message>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLowerLimitAppliesAndFollowsChanges() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 10_000, r);
        AtomicInteger limit = new AtomicInteger(2000);
        p.limitElementBytes(limit::get);
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        p.feed(header, 0, header.length);
        p.feed(message(1900), 0, message(1900).length);
        assertEquals(1, r.elements.size(), "under the limit");
        limit.set(5000);
        p.feed(message(4000), 0, message(4000).length);
        assertEquals(2, r.elements.size(), "a raised limit acts at once");
        limit.set(2000);
        XmlStreamException e = assertThrows(XmlStreamException.class, () -> p.feed(message(2100), 0, message(2100).length));
        assertEquals(XmlStreamException.POLICY_VIOLATION, e.condition());
        assertTrue(e.getMessage().contains("2000"), e.getMessage());
    }

    @Test
    void theParsersOwnLimitStaysTheCeiling() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 3000, r);
        p.limitElementBytes(() -> 1_000_000);
        XmlStreamException e = assertThrows(XmlStreamException.class, () -> p.feed(message(3100), 0, message(3100).length));
        assertEquals(XmlStreamException.POLICY_VIOLATION, e.condition());
    }
}
