package org.parley.xmpp.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLInputFactory2;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * Incremental, non-blocking XML parser for XMPP streams, built on Aalto's asynchronous StAX reader.
 * <p>
 * Bytes are pushed in with {@link #feed(byte[], int, int)} in chunks of any size, split anywhere
 * (even inside a multi-byte UTF-8 character); everything that becomes complete is reported to the
 * {@link Listener} synchronously, on the calling thread, before {@code feed} returns. The parser
 * never blocks and never waits for more input.
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@link Mode#STREAM} (TCP c2s/s2s; also usable for a BOSH {@code <body/>}): one root element
 *       ({@code <stream:stream>}) is reported by {@link Listener#rootOpened}, each child of the root
 *       (stanza, {@code <stream:features/>}, {@code <starttls/>}, …) as a complete dom4j
 *       {@link Element} by {@link Listener#element}, and {@code </stream:stream>} by
 *       {@link Listener#rootClosed}.</li>
 *   <li>{@link Mode#DOCUMENTS} (WebSocket, RFC 7395): every top-level element is reported through
 *       {@link Listener#element}; after each one the parser starts a new document, so an XML
 *       declaration may begin each frame. Call {@link #endOfInput()} after each frame.</li>
 * </ul>
 *
 * <h2>Elements</h2>
 * Elements are namespace-correct dom4j elements created with the default {@link DocumentFactory}:
 * a {@code <message>} inside {@code <stream:stream xmlns='jabber:client'>} has namespace
 * {@code jabber:client}; prefixed elements and attributes keep prefix and namespace; namespace
 * declarations written on an element (other than the one for the element's own name) are kept as
 * additional namespaces. Adjacent text and CDATA are merged into one text node. Elements are
 * detached (no parent, no document) and can be wrapped by Tinder's {@code Message}/{@code Presence}/{@code IQ}.
 *
 * <h2>Errors</h2>
 * Problems surface as {@link XmlStreamException} whose {@link XmlStreamException#condition()} is the
 * RFC 6120 stream error to send: {@code not-well-formed} (malformed XML, invalid UTF-8, non-whitespace
 * text between stanzas, incomplete document at {@link #endOfInput()}), {@code restricted-xml}
 * (DTD, entity declaration, comment, processing instruction, reference to an undeclared entity),
 * {@code policy-violation} (limits below), {@code unsupported-encoding} (XML declaration with an
 * encoding other than UTF-8). Elements completed before the offending bytes are still delivered.
 * After an exception the parser stays failed (every call throws again) until {@link #reset()}.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>An element (a child of the root in STREAM mode; a whole document in DOCUMENTS mode) may span at
 *       most {@code maxElementBytes} bytes of input; the violation is detected as soon as the limit is
 *       crossed — input is handed to Aalto in slices so that no more than about {@code maxElementBytes}
 *       is ever buffered, however large the chunk passed to {@code feed}.</li>
 *   <li>The prolog plus root start tag (STREAM mode) is limited to {@code maxElementBytes} as well.</li>
 *   <li>Element nesting is limited to {@code maxDepth} (counting the stream root in STREAM mode).</li>
 *   <li>The number of distinct element/attribute names and namespace declarations is bounded: Aalto
 *       interns every name into a per-reader symbol table that never shrinks, so in STREAM mode the
 *       reader is transparently replaced between stanzas once it has seen {@value #REBASE_NAMES} names,
 *       and a single element introducing more than about {@value #MAX_NAMES} is a policy violation.</li>
 * </ul>
 *
 * <h2>Threading and re-entrancy</h2>
 * Not thread-safe: use one parser per connection, driven by one thread at a time (Netty's event loop).
 * A listener may call {@link #reset()} from within a callback (e.g. when answering {@code <auth/>}
 * with {@code <success/>}); the bytes that follow the current element in the chunk being fed are then
 * parsed as the beginning of the new document. For {@code <starttls/>} use
 * {@link #resetAndDiscardRemainingInput()} instead: bytes a client sends after {@code <starttls/>}
 * but before the TLS handshake must never be processed as part of the secured stream (the
 * CVE-2011-0411 class of STARTTLS command injection); {@link #discardedBytes()} tells whether there
 * were any. Calling {@code feed} or {@code endOfInput} from a callback is not allowed. If a listener throws, the exception propagates out of {@code feed} and the
 * parser must be {@link #reset()} before further use.
 */
public final class XmlStreamParser {

    public enum Mode { STREAM, DOCUMENTS }

    public interface Listener {
        /** Root element opened (STREAM mode): e.g. {@code <stream:stream>} or BOSH {@code <body>}. */
        void rootOpened(RootElement root);

        /**
         * A complete element: in STREAM mode each child of the root (depth 1); in DOCUMENTS mode each
         * top-level element.
         */
        void element(Element element);

        /** Root element closed (STREAM mode): {@code </stream:stream>}. */
        void rootClosed();
    }

    /** Default limit on element nesting. */
    public static final int DEFAULT_MAX_DEPTH = 100;
    /** STREAM mode: replace the Aalto reader at the next stanza boundary once this many names were seen. */
    static final int REBASE_NAMES = 512;
    /** Hard limit on distinct names (plus namespaces) held by one reader. */
    static final int MAX_NAMES = 4096;

    private static final DocumentFactory DOM = DocumentFactory.getInstance();
    private static final AsyncXMLInputFactory FACTORY = createFactory();
    private static final boolean OFFSET_SKEW = detectOffsetSkew();

    private final Mode mode;
    private final int maxElementBytes;
    /** A lower limit that may change while the stream runs (the domain's setting), or null. */
    private volatile IntSupplier elementLimit;
    private final int maxDepth;
    private final Listener listener;
    /** XML depth of the elements reported through element(): 2 in STREAM mode (under the root), else 1. */
    private final int elementDepth;

    // ---- per document state (cleared by reset) ----
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader; // null: create on next input
    /** Document position corresponding to offset 0 of the current reader's input. */
    private long readerBase;
    /** Document position of the next byte to be fed (bytes consumed so far in this document). */
    private long pos;
    /** Document position where the current size-limited unit (root start tag / element) began. */
    private long unitStart;
    private int depth;
    private boolean rootOpen;
    private boolean rootClosed;
    private RootElement root;
    private byte[] rebaseHeader;
    private Element[] stack = new Element[16];
    private final StringBuilder text = new StringBuilder(128);
    private final XmlPrescanner scanner = new XmlPrescanner();
    private final NameCache names = new NameCache();

    // ---- control state ----
    private int generation;
    private boolean busy;
    private boolean broken;
    private XmlStreamException failure;
    /**
     * Copy buffer for direct ByteBuffers, one per thread rather than per parser: a parser lives as long as
     * its connection, and 8 KiB held by every idle connection would be most of its memory.
     */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
    /** Start of a UTF-8 character whose remaining bytes have not arrived yet (never fed to Aalto split). */
    private final byte[] carry = new byte[4];
    private int carryLen;
    private boolean discardRequested;
    private boolean stopped;
    private int discarded;
    /** Set by rebase(): the reader was replaced but the document goes on. */
    private boolean rebased;
    /** Array offset passed to the last feedInput(), see {@link #endOffset}. */
    private int feedStart;

    public XmlStreamParser(Mode mode, int maxElementBytes, Listener listener) {
        this(mode, maxElementBytes, DEFAULT_MAX_DEPTH, listener);
    }

    public XmlStreamParser(Mode mode, int maxElementBytes, int maxDepth, Listener listener) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (maxElementBytes < 16) {
            throw new IllegalArgumentException("maxElementBytes too small: " + maxElementBytes);
        }
        if (maxDepth < 2) {
            throw new IllegalArgumentException("maxDepth too small: " + maxDepth);
        }
        this.maxElementBytes = maxElementBytes;
        this.maxDepth = maxDepth;
        this.elementDepth = mode == Mode.STREAM ? 2 : 1;
    }

    public Mode mode() {
        return mode;
    }

    /** The root element of the current stream (STREAM mode), or {@code null} if not (yet) opened. */
    public RootElement root() {
        return root;
    }

    /** True once {@code </stream:stream>} (the root's end tag) was parsed in STREAM mode. */
    public boolean isRootClosed() {
        return rootClosed;
    }

    /** Bytes consumed so far in the current document (diagnostics and tests). */
    long consumedBytes() {
        return pos;
    }

    /**
     * Feed bytes; calls the listener synchronously for everything complete. The array is not
     * retained: it may be reused as soon as this returns.
     */
    public void feed(byte[] data, int offset, int length) throws XmlStreamException {
        Objects.checkFromIndexSize(offset, length, data.length);
        enter();
        discarded = 0;
        stopped = false;
        try {
            int off = offset;
            int end = offset + length;
            if (carryLen > 0) {
                // complete the character left over from the previous call, and parse it on its own
                // (its first bytes were vetted by the prescanner already, now vet the rest)
                int len = utf8Length(carry[0]);
                int k = Math.min(len - carryLen, length);
                scanner.scan(data, off, off + k);
                if (scanner.failed()) {
                    throw scanner.exception();
                }
                System.arraycopy(data, off, carry, carryLen, k);
                carryLen += k;
                off += k;
                if (carryLen < len) {
                    return;
                }
                carryLen = 0;
                int c = feedScanned(carry, 0, len);
                if (c >= 0) { // cannot happen (no event ends inside a character), but be correct
                    c = feedRange(carry, c, len);
                    if (stopped) {
                        discarded = end - off + (len - c);
                        return;
                    }
                }
                checkAfterFeeding();
            }
            // Never hand Aalto part of a character (see feedSlice): vet an incomplete one at the end
            // now, so errors surface as early as when the input arrives in one piece, but keep it
            // for the next call.
            int dataEnd = end - partialCharAtEnd(data, off, end);
            off = feedRange(data, off, dataEnd);
            if (stopped) {
                discarded = end - off;
            } else if (dataEnd < end) {
                scanner.scan(data, dataEnd, end);
                if (scanner.failed()) {
                    throw scanner.exception();
                }
                carryLen = end - dataEnd;
                System.arraycopy(data, dataEnd, carry, 0, carryLen);
            }
        } catch (XmlStreamException e) {
            failure = e;
            throw e;
        } catch (ListenerFailure e) {
            broken = true;
            throw e.getCause();
        } finally {
            busy = false;
        }
    }

    /**
     * Parses {@code data[off, end)}; returns {@code end}, or the index where a listener stopped
     * processing with {@link #resetAndDiscardRemainingInput()}.
     */
    private int feedRange(byte[] data, int off, int end) throws XmlStreamException {
        while (off < end) {
            int next = feedSlice(data, off, end);
            if (next <= off) {
                throw new IllegalStateException("parser made no progress");
            }
            off = next;
            if (discardRequested) {
                discardRequested = false;
                stopped = true;
                return off;
            }
        }
        return off;
    }

    /** Length of a UTF-8 sequence from its first byte (1 for ASCII and for bytes that cannot start one). */
    private static int utf8Length(byte lead) {
        int b = lead & 0xFF;
        if (b < 0xC0) {
            return 1;
        }
        return b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 1;
    }

    /** Number of bytes at the end of {@code data[from, end)} that start a UTF-8 sequence it does not complete. */
    private static int partialCharAtEnd(byte[] data, int from, int end) {
        for (int j = end - 1; j >= from && j >= end - 3; j--) {
            if ((data[j] & 0xC0) != 0x80) { // not a continuation byte
                int len = utf8Length(data[j]);
                return j + len > end ? end - j : 0;
            }
        }
        return 0;
    }

    /** Moves a slice end {@code e} forward (at most to {@code end}) so it does not split a UTF-8 sequence. */
    private static int charBoundary(byte[] data, int e, int from, int end) {
        for (int j = e - 1; j >= from && j >= e - 3; j--) {
            if ((data[j] & 0xC0) != 0x80) {
                int len = utf8Length(data[j]);
                return j + len > e ? Math.min(end, j + len) : e;
            }
        }
        return e;
    }

    /** Feed all remaining bytes of {@code data}, advancing its position to its limit. */
    public void feed(ByteBuffer data) throws XmlStreamException {
        if (data.hasArray()) {
            int n = data.remaining();
            int p = data.position();
            feed(data.array(), data.arrayOffset() + p, n);
            data.position(p + n);
            return;
        }
        byte[] scratch = SCRATCH.get();
        SCRATCH.set(null); // a listener feeding another parser on this thread gets its own buffer
        if (scratch == null) {
            scratch = new byte[8192];
        }
        try {
            while (data.hasRemaining()) {
                int n = Math.min(scratch.length, data.remaining());
                data.get(scratch, 0, n);
                feed(scratch, 0, n);
                if (stopped) {
                    discarded += data.remaining();
                    data.position(data.limit());
                }
            }
        } finally {
            SCRATCH.set(scratch);
        }
    }

    /**
     * Forget all state: the next bytes start a new document (XMPP stream restart after STARTTLS /
     * SASL success). Also clears a previous failure. May be called from a listener callback.
     */
    public void reset() {
        generation++;
        carryLen = 0;
        rebased = false;
        discardRequested = false;
        reader = null;
        readerBase = 0;
        pos = 0;
        unitStart = 0;
        Arrays.fill(stack, 0, Math.min(stack.length, depth + 1), null);
        depth = 0;
        rootOpen = false;
        rootClosed = false;
        root = null;
        rebaseHeader = null;
        text.setLength(0);
        if (text.capacity() > 8192) {
            text.trimToSize();
        }
        scanner.reset();
        names.clear();
        failure = null;
        broken = false;
    }

    /**
     * Like {@link #reset()}, and when called from a listener callback, the rest of the chunk being fed
     * is dropped instead of parsed: {@code feed} returns right after the element (or root tag) being
     * reported, and {@link #discardedBytes()} says how many bytes were thrown away. Use it on
     * {@code <starttls/>}: anything the peer pipelined after it was sent in plaintext and must not be
     * treated as part of the TLS-protected stream; a server may also treat a non-zero count as a
     * protocol violation and close the connection.
     */
    public void resetAndDiscardRemainingInput() {
        reset();
        discardRequested = busy;
    }

    /**
     * Number of bytes of the last {@code feed} call that were dropped because a listener called
     * {@link #resetAndDiscardRemainingInput()}; 0 otherwise.
     */
    public int discardedBytes() {
        return discarded;
    }

    /**
     * Signals end of input: one WebSocket frame in DOCUMENTS mode, or the end of the connection in
     * STREAM mode. Throws {@code not-well-formed} if an element (or, in STREAM mode, the stream) is
     * incomplete; whitespace alone is fine. Afterwards the parser is {@link #reset()}.
     */
    public void endOfInput() throws XmlStreamException {
        enter();
        try {
            boolean incomplete;
            if (carryLen > 0) {
                incomplete = true;
            } else if (mode == Mode.DOCUMENTS) {
                incomplete = depth > 0 || scanner.nonWhitespace();
            } else {
                incomplete = rootOpen ? !rootClosed : scanner.nonWhitespace();
            }
            if (incomplete) {
                XmlStreamException e = new XmlStreamException(XmlStreamException.NOT_WELL_FORMED,
                        "incomplete XML at end of input");
                failure = e;
                throw e;
            }
        } finally {
            busy = false;
        }
        reset();
    }

    private void enter() throws XmlStreamException {
        if (busy) {
            throw new IllegalStateException("feed()/endOfInput() called re-entrantly from a listener");
        }
        if (broken) {
            throw new IllegalStateException("a listener threw; reset() the parser before reuse");
        }
        if (failure != null) {
            throw new XmlStreamException(failure.condition(), failure.getMessage());
        }
        busy = true;
    }

    // ------------------------------------------------------------------------------------------
    // feeding

    /**
     * Limits elements further, below {@code maxElementBytes}, by a value read as input arrives (so a changed
     * setting acts on open streams). Kept across resets: it belongs to the connection.
     */
    public void limitElementBytes(IntSupplier limit) {
        this.elementLimit = limit;
    }

    /** Current byte limit for the unit that starts at {@link #unitStart}. */
    private int limit() {
        IntSupplier extra = elementLimit;
        return extra == null ? maxElementBytes : Math.min(maxElementBytes, extra.getAsInt());
    }

    /**
     * Feeds one slice of {@code data[off, end)} (bounded so the current unit can overshoot its limit by
     * at most one byte) and processes the resulting events. Returns the index of the first byte not
     * consumed: normally the end of the slice; after an internal or listener-triggered reset the
     * position right after the element that triggered it.
     */
    private int feedSlice(byte[] data, int off, int end) throws XmlStreamException {
        long room = (long) limit() + 1 - (pos - unitStart);
        int n = (int) Math.min(end - off, Math.max(1, room));
        if (off + n < end) {
            // Aalto 1.3.3 garbles a 4-byte character in an attribute value when it is split across
            // feedInput() calls (U+1F600 comes out as U+F600), so slices end on character boundaries
            n = charBoundary(data, off + n, off, end) - off;
        }
        int stop = scanner.scan(data, off, off + n);
        int next = feedScanned(data, off, stop);
        if (next >= 0) {
            return next;
        }
        checkAfterFeeding();
        return off + n;
    }

    private void checkAfterFeeding() throws XmlStreamException {
        if (scanner.failed()) {
            throw scanner.exception();
        }
        if (pos - unitStart > limit()) {
            throw tooBig();
        }
    }

    /**
     * Hands {@code data[from, stop)}, already vetted by the prescanner, to Aalto and processes the
     * events. Returns -1, or the index at which a new document starts (after a reset), which the
     * caller must process afresh (prescanner included).
     */
    private int feedScanned(byte[] data, int from, int stop) throws XmlStreamException {
        if (reader == null) {
            reader = FACTORY.createAsyncForByteArray();
            readerBase = pos;
        }
        while (from < stop) {
            long fromPos = pos;
            feedStart = from;
            try {
                reader.getInputFeeder().feedInput(data, from, stop - from);
            } catch (XMLStreamException e) {
                throw notWellFormed(e);
            }
            pos += stop - from;
            long resume = drain();
            if (resume < 0) {
                break;
            }
            int next = from + (int) (resume - fromPos);
            if (!rebased) {
                // a new document starts at 'next': the caller rescans from there with a reset prescanner
                return next;
            }
            // same document, new reader: the prescanner has already vetted [next, stop)
            rebased = false;
            from = next;
        }
        return -1;
    }

    /**
     * Pulls events until Aalto needs more input. Returns -1 when all fed input was consumed, or the
     * document position (in the numbering in effect when this method was entered) at which parsing
     * must continue with a fresh reader.
     */
    private long drain() throws XmlStreamException {
        final AsyncXMLStreamReader<AsyncByteArrayFeeder> r = reader;
        try {
            while (true) {
                int ev = r.next();
                long resume;
                switch (ev) {
                    case AsyncXMLStreamReader.EVENT_INCOMPLETE:
                        return -1;
                    case XMLStreamConstants.START_ELEMENT:
                        resume = startElement(r);
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        resume = endElement(r);
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        characters(r);
                        resume = -1;
                        break;
                    case XMLStreamConstants.START_DOCUMENT:
                        checkDeclaration(r);
                        resume = -1;
                        break;
                    case XMLStreamConstants.END_DOCUMENT:
                        return -1;
                    case XMLStreamConstants.COMMENT:
                        throw restricted("comments are not allowed");
                    case XMLStreamConstants.PROCESSING_INSTRUCTION:
                        throw restricted("processing instructions are not allowed");
                    case XMLStreamConstants.DTD:
                        throw restricted("DTDs are not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw restricted("reference to an undeclared entity");
                    case XMLStreamConstants.ENTITY_DECLARATION:
                    case XMLStreamConstants.NOTATION_DECLARATION:
                        throw restricted("markup declarations are not allowed");
                    default:
                        throw new XmlStreamException(XmlStreamException.NOT_WELL_FORMED, "unexpected XML event " + ev);
                }
                if (resume >= 0) {
                    return resume;
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } catch (ListenerFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // Aalto occasionally reports malformed input as an unchecked exception
            // (e.g. "&#0;" -> IllegalStateException)
            throw new XmlStreamException(XmlStreamException.NOT_WELL_FORMED,
                    "malformed XML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Document position just after the current event. Aalto 1.3.3's async byte-array scanner adds the
     * array offset of the last {@code feedInput} call to its byte offsets; {@link #OFFSET_SKEW}
     * detects that once, so this stays right should a later Aalto fix it.
     */
    private long endOffset(AsyncXMLStreamReader<?> r) throws XMLStreamException {
        long off = r.getLocationInfo().getEndingByteOffset();
        return readerBase + (OFFSET_SKEW ? off - feedStart : off);
    }

    private void checkDeclaration(AsyncXMLStreamReader<?> r) throws XmlStreamException {
        String enc = r.getCharacterEncodingScheme();
        if (enc != null && !enc.equalsIgnoreCase("UTF-8")) {
            throw new XmlStreamException(XmlStreamException.UNSUPPORTED_ENCODING,
                    "only UTF-8 is supported, not " + enc);
        }
        String version = r.getVersion();
        if (version != null && !version.equals("1.0")) {
            throw new XmlStreamException(XmlStreamException.NOT_WELL_FORMED,
                    "only XML 1.0 is supported, not " + version);
        }
    }

    private long startElement(AsyncXMLStreamReader<?> r) throws XMLStreamException, XmlStreamException {
        int d = depth + 1;
        if (d > maxDepth) {
            throw new XmlStreamException(XmlStreamException.POLICY_VIOLATION,
                    "elements nested deeper than " + maxDepth);
        }
        if (mode == Mode.STREAM && d == 1) {
            return openRoot(r);
        }
        // (unitStart already is the end of the previous root-level event, i.e. this start tag's '<':
        // whitespace between stanzas moves it along; Aalto's starting offsets are not reliable)
        Element el = buildElement(r);
        if (d > elementDepth) {
            flushText(stack[depth]);
            stack[depth].add(el);
        }
        if (d >= stack.length) {
            stack = Arrays.copyOf(stack, Math.max(d + 1, stack.length * 2));
        }
        stack[d] = el;
        depth = d;
        return -1;
    }

    private Element buildElement(AsyncXMLStreamReader<?> r) throws XmlStreamException {
        String prefix = nz(r.getPrefix());
        String uri = nz(r.getNamespaceURI());
        Element el = DOM.createElement(names.qname(r.getLocalName(), prefix, uri));
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String p = nz(r.getNamespacePrefix(i));
            String u = nz(r.getNamespaceURI(i));
            Namespace ns = names.namespace(p, u);
            if (!(p.equals(prefix) && u.equals(uri))) {
                el.add(ns);
            }
        }
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            QName q = names.qname(r.getAttributeLocalName(i), nz(r.getAttributePrefix(i)), nz(r.getAttributeNamespace(i)));
            el.add(DOM.createAttribute(el, q, r.getAttributeValue(i)));
        }
        if (names.size() > MAX_NAMES) {
            throw new XmlStreamException(XmlStreamException.POLICY_VIOLATION, "too many distinct XML names");
        }
        return el;
    }

    private long openRoot(AsyncXMLStreamReader<?> r) throws XMLStreamException {
        Map<String, String> nsMap = new LinkedHashMap<>();
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            nsMap.put(nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i)));
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String p = nz(r.getAttributePrefix(i));
            String local = r.getAttributeLocalName(i);
            attrs.put(p.isEmpty() ? local : p + ':' + local, r.getAttributeValue(i));
        }
        root = new RootElement(r.getLocalName(), nz(r.getNamespaceURI()), nz(r.getPrefix()), nsMap, attrs);
        rootOpen = true;
        depth = 1;
        long end = endOffset(r);
        unitStart = end;
        int gen = generation;
        try {
            listener.rootOpened(root);
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
        return gen != generation ? end : -1;
    }

    private long endElement(AsyncXMLStreamReader<?> r) throws XMLStreamException, XmlStreamException {
        int d = depth;
        if (mode == Mode.STREAM && d == 1) {
            depth = 0;
            rootClosed = true;
            long end = endOffset(r);
            unitStart = end;
            int gen = generation;
            try {
                listener.rootClosed();
            } catch (RuntimeException e) {
                throw new ListenerFailure(e);
            }
            return gen != generation ? end : -1;
        }
        Element el = stack[d];
        flushText(el);
        stack[d] = null;
        depth = d - 1;
        if (d != elementDepth) {
            return -1;
        }
        if (text.capacity() > 16384) {
            text.trimToSize(); // don't keep a huge buffer for the rest of the connection
        }
        long end = endOffset(r);
        if (end - unitStart > limit()) {
            throw tooBig();
        }
        unitStart = end;
        int gen = generation;
        try {
            listener.element(el);
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
        if (gen != generation) {
            return end; // listener called reset(): continue with the new document
        }
        if (mode == Mode.DOCUMENTS) {
            newDocument();
            return end;
        }
        if (names.size() > REBASE_NAMES) {
            rebase(end);
            return end;
        }
        return -1;
    }

    private void characters(AsyncXMLStreamReader<?> r) throws XMLStreamException, XmlStreamException {
        if (depth >= elementDepth) {
            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        } else {
            if (!r.isWhiteSpace()) {
                throw new XmlStreamException(XmlStreamException.NOT_WELL_FORMED,
                        "character data outside of an element");
            }
            if (mode == Mode.STREAM && rootOpen) {
                // whitespace keep-alive: it ends the current unit
                unitStart = endOffset(r);
            }
        }
    }

    private void flushText(Element el) {
        if (text.length() != 0) {
            el.addText(text.toString());
            text.setLength(0);
        }
    }

    /** DOCUMENTS mode: the top-level element is complete, the next byte starts a new document. */
    private void newDocument() {
        reader = null;
        readerBase = 0;
        pos = 0;
        unitStart = 0;
        depth = 0;
        scanner.reset();
        names.clear();
        if (text.capacity() > 8192) {
            text.setLength(0);
            text.trimToSize();
        }
    }

    /**
     * STREAM mode, between stanzas: replace the Aalto reader (whose symbol table only ever grows) by a
     * fresh one primed with a synthetic copy of the root start tag, so prefixes bound on the real root
     * stay in scope and its end tag still matches.
     */
    private void rebase(long end) throws XmlStreamException {
        if (rebaseHeader == null) {
            StringBuilder sb = new StringBuilder(128).append('<').append(root.qualifiedName());
            for (Map.Entry<String, String> e : root.namespaces().entrySet()) {
                sb.append(e.getKey().isEmpty() ? " xmlns" : " xmlns:" + e.getKey()).append("=\"");
                XmlWriter.escapeAttribute(e.getValue(), sb);
                sb.append('"');
            }
            rebaseHeader = sb.append('>').toString().getBytes(StandardCharsets.UTF_8);
        }
        AsyncXMLStreamReader<AsyncByteArrayFeeder> r = FACTORY.createAsyncForByteArray();
        try {
            r.getInputFeeder().feedInput(rebaseHeader, 0, rebaseHeader.length);
            int ev;
            while ((ev = r.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                if (ev != XMLStreamConstants.START_DOCUMENT && ev != XMLStreamConstants.START_ELEMENT) {
                    throw new IllegalStateException("unexpected event " + ev + " in synthetic root");
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot re-create stream root", e);
        }
        reader = r;
        feedStart = 0;
        readerBase = end - rebaseHeader.length;
        pos = end;
        names.clear();
        rebased = true;
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    private XmlStreamException tooBig() {
        return new XmlStreamException(XmlStreamException.POLICY_VIOLATION,
                (rootOpen || mode == Mode.DOCUMENTS ? "element" : "stream header") + " larger than "
                        + limit() + " bytes");
    }

    private static XmlStreamException restricted(String msg) {
        return new XmlStreamException(XmlStreamException.RESTRICTED_XML, msg);
    }

    private static XmlStreamException notWellFormed(XMLStreamException e) {
        String msg = e.getMessage();
        if (msg != null && msg.contains("ENTITY_REFERENCE")) {
            return restricted("reference to an undeclared entity");
        }
        if (msg != null && msg.startsWith("Unsupported encoding")) {
            return new XmlStreamException(XmlStreamException.UNSUPPORTED_ENCODING, firstLine(msg));
        }
        return new XmlStreamException(XmlStreamException.NOT_WELL_FORMED,
                msg == null ? "malformed XML" : firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Carries an exception thrown by the listener through the parsing code unchanged. */
    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static boolean detectOffsetSkew() {
        try {
            AsyncXMLStreamReader<AsyncByteArrayFeeder> r = FACTORY.createAsyncForByteArray();
            byte[] b = "12345<a/>".getBytes(StandardCharsets.US_ASCII);
            r.getInputFeeder().feedInput(b, 5, 4);
            int ev;
            while ((ev = r.next()) != XMLStreamConstants.END_ELEMENT) {
                if (ev == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                    throw new IllegalStateException("Aalto did not parse <a/>");
                }
            }
            long end = r.getLocationInfo().getEndingByteOffset();
            if (end == 9) {
                return true;
            }
            if (end == 4) {
                return false;
            }
            throw new IllegalStateException("unexpected Aalto byte offset " + end);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AsyncXMLInputFactory createFactory() {
        InputFactoryImpl f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        // NB: do not turn P_LAZY_PARSING off: with it off, Aalto 1.3.3's async scanner fails with
        // "Internal error: should never execute this code path" on entity references split across chunks
        // attacker-controlled names must not end up in the JVM string table
        f.setProperty(XMLInputFactory2.P_INTERN_NAMES, Boolean.FALSE);
        f.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, Boolean.FALSE);
        warmUp(f);
        return f;
    }

    /**
     * Seeds the factory's shared symbol table with common XMPP names, so that fresh readers (one per
     * WebSocket frame, one per stream restart) do not have to add them again. This is the only reader
     * ever closed: Aalto merges a reader's symbols into the shared table on close(), so closing readers
     * that parsed untrusted input would let peers grow that table without bound.
     */
    private static void warmUp(InputFactoryImpl f) {
        String doc = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " xmlns:xml='http://www.w3.org/XML/1998/namespace' to='' from='' id='' version='' xml:lang=''>"
                + "<stream:features/><stream:error/><message type='' id='' to='' from=''><body/><subject/><thread/>"
                + "<active/><composing/><paused/><request/><received/><markable/><displayed/><origin-id/><stanza-id by=''/>"
                + "<delay stamp=''/><x/><store/><no-store/></message><presence><show/><status/><priority/>"
                + "<c hash='' node='' ver='' ext=''/></presence><iq><query node=''/><item jid='' name=''"
                + " subscription='' ask='' node=''/><group/><bind/><jid/><resource/><session/><ping/><pubsub/><items/>"
                + "<publish/><event/><error code='' by=''/><text/></iq><open/><close/><starttls/><proceed/><failure/>"
                + "<auth mechanism=''/><success/><challenge/><response/><enable resume='' max=''/><enabled/>"
                + "<resume h='' previd=''/><resumed/><r/><a h=''/><mechanisms/><mechanism/><required/>"
                + "</stream:stream>";
        try {
            AsyncXMLStreamReader<AsyncByteArrayFeeder> r = f.createAsyncForByteArray();
            byte[] b = doc.getBytes(StandardCharsets.UTF_8);
            r.getInputFeeder().feedInput(b, 0, b.length);
            while (r.next() != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                // just let it see the names
            }
            r.close();
        } catch (XMLStreamException | RuntimeException e) {
            // purely an optimisation
        }
    }
}
