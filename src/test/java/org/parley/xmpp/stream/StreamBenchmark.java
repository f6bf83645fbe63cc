package org.parley.xmpp.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;

/**
 * Rough throughput check, run by hand (not a test):
 * {@code java -cp target/classes:target/test-classes:<deps> org.parley.xmpp.stream.StreamBenchmark}.
 */
public final class StreamBenchmark {

    private static final String STANZA = "<message to='juliet@capulet.example/balcony' from='romeo@montague.example/orchard'"
            + " type='chat' id='ktx72v49' xml:lang='en'><body>Art thou not Romeo, and a Montague? &amp; ☺</body>"
            + "<thread>e0ffe42b28561960c6b12b944a092794b9683a38</thread>"
            + "<active xmlns='http://jabber.org/protocol/chatstates'/><request xmlns='urn:xmpp:receipts'/>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='de305d54-75b4-431b-adb2-eb6b9e546014'/></message>";

    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        StringBuilder sb = new StringBuilder(Recorder.HEADER);
        for (int i = 0; i < n; i++) {
            sb.append(STANZA);
            if (i % 10 == 0) {
                sb.append(' ');
            }
        }
        byte[] stream = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] frame = STANZA.replace("<message ", "<message xmlns='jabber:client' ").getBytes(StandardCharsets.UTF_8);
        System.out.printf("stanza: %d bytes%n", frame.length);

        List<Element> sample = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            int[] count = {0};
            XmlStreamParser.Listener l = new XmlStreamParser.Listener() {
                @Override
                public void rootOpened(RootElement root) {
                }

                @Override
                public void element(Element element) {
                    if (count[0]++ < 1) {
                        sample.add(element);
                    }
                }

                @Override
                public void rootClosed() {
                }
            };
            XmlStreamParser p = new XmlStreamParser(XmlStreamParser.Mode.STREAM, 65536, l);
            long t0 = System.nanoTime();
            for (int off = 0; off < stream.length; off += 8192) {
                p.feed(stream, off, Math.min(8192, stream.length - off));
            }
            long t1 = System.nanoTime();
            System.out.printf("STREAM    : %,d stanzas in %d ms = %,.0f stanzas/s (%.1f MB/s)%n", count[0],
                    (t1 - t0) / 1_000_000, count[0] / ((t1 - t0) / 1e9), stream.length / ((t1 - t0) / 1e3));

            count[0] = 0;
            XmlStreamParser d = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, 65536, l);
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                d.feed(frame, 0, frame.length);
                d.endOfInput();
            }
            t1 = System.nanoTime();
            System.out.printf("DOCUMENTS : %,d frames  in %d ms = %,.0f frames/s%n", count[0],
                    (t1 - t0) / 1_000_000, count[0] / ((t1 - t0) / 1e9));
        }

        Element e = sample.get(0);
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += XmlWriter.toXml(e).length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += e.asXML().length();
            }
            long t2 = System.nanoTime();
            System.out.printf("XmlWriter.toXml: %,.0f ns/stanza   dom4j asXML: %,.0f ns/stanza%n",
                    (t1 - t0) / (double) n, (t2 - t1) / (double) n);
        }
        System.out.println(sink == 42 ? "" : XmlWriter.toXml(e));
    }
}
