package org.parley.xmpp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.dom4j.Element;

/** Test listener that records everything, plus feeding helpers. */
final class Recorder implements XmlStreamParser.Listener {

    final List<RootElement> roots = new ArrayList<>();
    final List<Element> elements = new ArrayList<>();
    /** Human readable log: "open:stream:stream", "element:<asXML>", "close". */
    final List<String> events = new ArrayList<>();
    int closed;
    Consumer<Element> onElement;
    Consumer<RootElement> onRoot;

    @Override
    public void rootOpened(RootElement root) {
        roots.add(root);
        events.add("open:" + root.qualifiedName());
        if (onRoot != null) {
            onRoot.accept(root);
        }
    }

    @Override
    public void element(Element element) {
        elements.add(element);
        events.add("element:" + element.asXML());
        if (onElement != null) {
            onElement.accept(element);
        }
    }

    @Override
    public void rootClosed() {
        closed++;
        events.add("close");
    }

    Element last() {
        return elements.get(elements.size() - 1);
    }

    // ---------------------------------------------------------------- helpers

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0' xml:lang='en'>";

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, o, p.length);
            o += p.length;
        }
        return r;
    }

    static void feed(XmlStreamParser p, String s) throws XmlStreamException {
        byte[] b = utf8(s);
        p.feed(b, 0, b.length);
    }

    static void feed(XmlStreamParser p, byte[] b) throws XmlStreamException {
        p.feed(b, 0, b.length);
    }

    /** Feeds one byte at a time, each from a fresh array (so nothing can rely on the array being kept). */
    static void feedBytewise(XmlStreamParser p, byte[] b) throws XmlStreamException {
        for (byte x : b) {
            p.feed(new byte[] {x}, 0, 1);
        }
    }

    /** Feeds in random-sized chunks (1..maxChunk) at random offsets of a larger array. */
    static void feedRandom(XmlStreamParser p, byte[] b, long seed, int maxChunk) throws XmlStreamException {
        Random rnd = new Random(seed);
        int off = 0;
        while (off < b.length) {
            int n = Math.min(b.length - off, 1 + rnd.nextInt(maxChunk));
            byte[] buf = new byte[n + 7];
            int at = rnd.nextInt(8);
            System.arraycopy(b, off, buf, at, n);
            p.feed(buf, at, n);
            off += n;
        }
    }

    /** Runs {@code body} and asserts it throws an XmlStreamException with the condition. */
    static XmlStreamException expect(String condition, Feeder body) {
        XmlStreamException e = assertThrows(XmlStreamException.class, body::run);
        assertEquals(condition, e.condition(), () -> "message: " + e.getMessage());
        return e;
    }

    @FunctionalInterface
    interface Feeder {
        void run() throws Exception;
    }
}
