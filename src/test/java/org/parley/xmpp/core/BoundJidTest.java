package org.parley.xmpp.core;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundJidTest {

    @Test
    void resourceprepLeavesEveryPrintableAsciiCharacterUnchanged() {
        for (char c = 0x20; c <= 0x7e; c++) {
            String r = "a" + c + "b";
            assertEquals(r, JID.resourceprep(r), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void asciiResourceGivesTheSameJidAsFullStringprep() {
        JID fast = BoundJid.of("User1", "example.org", "xl9z-17 phone/1@x");
        JID slow = new JID("User1", "example.org", "xl9z-17 phone/1@x");
        assertEquals(slow, fast);
        assertEquals(slow.toString(), fast.toString());
        assertEquals("user1", fast.getNode());
    }

    @Test
    void nonAsciiResourceTakesTheStringprepPath() {
        String r = "T\u00e9l\u00e9phone\u00ad";   // soft hyphen is mapped to nothing
        assertFalse(BoundJid.isPrintableAscii(r));
        assertEquals(new JID("u", "example.org", r), BoundJid.of("u", "example.org", r));
        assertEquals("T\u00e9l\u00e9phone", BoundJid.of("u", "example.org", r).getResource());
    }

    @Test
    void invalidPartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BoundJid.of("u", "example.org", "a\u0007b"));
        assertThrows(IllegalArgumentException.class, () -> BoundJid.of("a b", "example.org", "r"));
        assertThrows(IllegalArgumentException.class, () -> BoundJid.of("u", "example.org", "r".repeat(1024)));
    }

    @Test
    void printableAscii() {
        assertTrue(BoundJid.isPrintableAscii("~ !"));
        assertFalse(BoundJid.isPrintableAscii(""));
        assertFalse(BoundJid.isPrintableAscii("a\tb"));
        assertFalse(BoundJid.isPrintableAscii("\u007f"));
    }
}
