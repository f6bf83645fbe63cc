package org.parley.infrastructure.transport.bosh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegotiatedTest {
    private static final BoshSettings SETTINGS = new BoshSettings(60, 60, 120, 2, 0, 2, 8192, 4096, 65536, 10, "*",
            false);

    static Negotiated of(String attributes) throws Exception {
        return Negotiated.of(BodyParserTest.parse("<body xmlns='" + BodyParser.HTTPBIND_NS + "' " + attributes + "/>"),
                SETTINGS);
    }

    @Test
    void clientValuesWithinServerLimits() throws Exception {
        Negotiated n = of("wait='300' hold='5' ver='1.6'");
        assertEquals(60, n.waitSeconds());
        assertEquals(2, n.hold());
        assertEquals(3, n.requests());
        assertEquals(60, n.inactivity());
        assertEquals("1.6", n.ver());
        assertFalse(n.legacy());
        assertEquals("text/xml; charset=utf-8", n.contentType());
        n = of("wait='10' hold='1' ver='2.0'");
        assertEquals(10, n.waitSeconds());
        assertEquals(2, n.requests());
        assertEquals("1.11", n.ver());
    }

    @Test
    void defaultsAndLegacy() throws Exception {
        Negotiated n = of("");
        assertEquals(60, n.waitSeconds());
        assertEquals(1, n.hold());
        assertTrue(n.legacy());
        assertEquals("1.11", n.ver());
        assertEquals("1.11", of("ver='x.y'").ver());
    }

    @Test
    void pollingSessionsMayBeIdleLonger() throws Exception {
        Negotiated n = of("wait='0' hold='1' ver='1.6'");
        assertEquals(0, n.hold());
        assertEquals(1, n.requests());
        assertEquals(64, n.inactivity());
    }

    @Test
    void contentTypeOnlyIfItIsOne() throws Exception {
        assertEquals("text/html; charset=utf-8", of("content='text/html; charset=utf-8'").contentType());
        assertEquals("text/xml; charset=utf-8", of("content='text/html&#13;&#10;X-Evil: 1'").contentType());
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(Negotiated.compare("1.11", "1.6") > 0);
        assertTrue(Negotiated.compare("1.6", "1.11") < 0);
        assertEquals(0, Negotiated.compare("1.6", "1.6"));
    }
}
