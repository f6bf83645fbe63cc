package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class XmlPrescannerTest {

    private static boolean javaAcceptsUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Scans in random pieces; true if no problem was found and no multi-byte sequence is left open. */
    private static boolean scannerAccepts(byte[] b, Random rnd) {
        XmlPrescanner s = new XmlPrescanner();
        int off = 0;
        while (off < b.length) {
            int n = Math.min(b.length - off, 1 + rnd.nextInt(6));
            int stop = s.scan(b, off, off + n);
            if (s.failed()) {
                assertTrue(stop >= off && stop <= off + n);
                return false;
            }
            assertEquals(off + n, stop);
            off += n;
        }
        // a trailing incomplete sequence is not an error for the scanner (more may come): close it
        byte[] end = {' '};
        s.scan(end, 0, 1);
        return !s.failed();
    }

    @Test
    void utf8ValidationAgreesWithJavasStrictDecoder() {
        Random rnd = new Random(1);
        int[] interesting = {0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};
        int accepted = 0;
        for (int iter = 0; iter < 200_000; iter++) {
            byte[] b = new byte[1 + rnd.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : interesting[rnd.nextInt(interesting.length)]);
                if (b[i] == '<' || b[i] == '&') {
                    b[i] = 'x';
                }
            }
            boolean java = javaAcceptsUtf8(b);
            assertEquals(java, scannerAccepts(b, rnd), () -> hex(b));
            if (java) {
                accepted++;
            }
        }
        assertTrue(accepted > 10_000, "test should exercise valid input too: " + accepted);
    }

    @Test
    void validTextOfRandomCodePointsPasses() {
        Random rnd = new Random(2);
        for (int iter = 0; iter < 2_000; iter++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                int cp;
                do {
                    cp = switch (rnd.nextInt(4)) {
                        case 0 -> 0x20 + rnd.nextInt(0x60);
                        case 1 -> 0x80 + rnd.nextInt(0x780);
                        case 2 -> 0x800 + rnd.nextInt(0xF800);
                        default -> 0x10000 + rnd.nextInt(0x100000);
                    };
                } while ((cp >= 0xD800 && cp <= 0xDFFF) || cp == '<' || cp == '&');
                sb.appendCodePoint(cp);
            }
            assertTrue(scannerAccepts(sb.toString().getBytes(StandardCharsets.UTF_8), rnd));
        }
    }

    @Test
    void cutOffPointIsTheOffendingByte() {
        XmlPrescanner s = new XmlPrescanner();
        byte[] b = "<a>text<!-- c -->".getBytes(StandardCharsets.UTF_8);
        assertEquals(9, s.scan(b, 0, b.length)); // the '-' that makes "<!" a comment
        assertTrue(s.failed());
        assertEquals("restricted-xml", s.exception().condition());

        s.reset();
        b = "<a>x&custom;".getBytes(StandardCharsets.UTF_8);
        assertEquals(9, s.scan(b, 0, b.length)); // 5th letter: longer than any predefined entity

        s.reset();
        b = new byte[] {'<', 'a', '>', 'x', (byte) 0xE2, (byte) 0x98, 0x41};
        assertEquals(6, s.scan(b, 0, b.length)); // 'A' where a continuation byte is needed
        assertEquals("not-well-formed", s.exception().condition());

        // construct started in an earlier call
        s.reset();
        b = "<a><!".getBytes(StandardCharsets.UTF_8);
        assertEquals(5, s.scan(b, 0, 5));
        byte[] c = "--".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, s.scan(c, 0, 2));
        assertTrue(s.failed());
    }

    @Test
    void whitespaceTracking() {
        XmlPrescanner s = new XmlPrescanner();
        byte[] ws = " \r\n\t".getBytes(StandardCharsets.UTF_8);
        s.scan(ws, 0, ws.length);
        assertFalse(s.nonWhitespace());
        byte[] x = "x".getBytes(StandardCharsets.UTF_8);
        s.scan(x, 0, 1);
        assertTrue(s.nonWhitespace());
        s.reset();
        assertFalse(s.nonWhitespace());
    }

    @Test
    void xmlDeclarationOnlyAtDocumentStart() {
        XmlPrescanner s = new XmlPrescanner();
        byte[] b = "<?xml version='1.0'?><a>".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            s.scan(b, i, i + 1);
        }
        assertFalse(s.failed());
        byte[] again = "<?xml version='1.0'?>".getBytes(StandardCharsets.UTF_8);
        s.scan(again, 0, again.length);
        assertTrue(s.failed());
        assertEquals("restricted-xml", s.exception().condition());
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xFF));
        }
        return sb.toString();
    }
}
