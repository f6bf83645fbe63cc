package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Mutated inputs must give the same outcome (events delivered, then the same error condition, or
 * success) however the bytes are chunked, and must never fail with anything but XmlStreamException.
 */
class XmlStreamParserFuzzTest {

    private static final String[] SNIPPETS = {"<", ">", "&", ";", "'", "\"", "/", "<!--", "-->", "<!DOCTYPE x>",
        "<?pi?>", "&amp;", "&foo;", "&#x41;", "&#0;", "<![CDATA[", "]]>", "</", "<a>", "</a>", "xmlns=''",
        "xmlns:p='u'", "p:", " ", "\n", "é", "😀", "\u0001", "<stream:stream>", "</stream:stream>", "=", "a='1'",
        "<a>".repeat(21), "x".repeat(2100)};

    private static String outcome(byte[] data, int mode, long seed) {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 2048, 20, r);
        String end;
        try {
            switch (mode) {
                case 0 -> Recorder.feed(p, data);
                case 1 -> Recorder.feedBytewise(p, data);
                default -> Recorder.feedRandom(p, data, seed, mode);
            }
            end = "ok";
        } catch (XmlStreamException e) {
            end = e.condition();
        }
        return r.events + " -> " + end;
    }

    @Test
    void chunkingDoesNotChangeTheOutcome() {
        byte[] base = Recorder.utf8(XmlStreamParserTest.SAMPLE);
        Random rnd = new Random(7);
        int[] conditions = new int[4];
        for (int iter = 0; iter < 2000; iter++) {
            List<Byte> bytes = new ArrayList<>();
            for (byte b : base) {
                bytes.add(b);
            }
            int mutations = 1 + rnd.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int at = rnd.nextInt(bytes.size());
                switch (rnd.nextInt(3)) {
                    case 0 -> bytes.remove(at);
                    case 1 -> bytes.set(at, (byte) rnd.nextInt(256));
                    default -> {
                        byte[] ins = Recorder.utf8(SNIPPETS[rnd.nextInt(SNIPPETS.length)]);
                        for (int i = ins.length - 1; i >= 0; i--) {
                            bytes.add(at, ins[i]);
                        }
                    }
                }
            }
            byte[] data = new byte[bytes.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = bytes.get(i);
            }
            String whole = outcome(data, 0, 0);
            String bytewise = outcome(data, 1, 0);
            String random = outcome(data, 2 + rnd.nextInt(50), iter);
            String what = "iteration " + iter + ": " + new String(data, java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(whole, bytewise, what);
            assertEquals(whole, random, what);
            conditions[whole.endsWith("ok") ? 0 : whole.endsWith("not-well-formed") ? 1 : whole.endsWith("restricted-xml") ? 2 : 3]++;
        }
        // sanity: the fuzzing reaches the interesting outcomes
        for (int c : conditions) {
            org.junit.jupiter.api.Assertions.assertTrue(c > 0, java.util.Arrays.toString(conditions));
        }
    }
}
