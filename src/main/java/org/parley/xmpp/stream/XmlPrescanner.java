package org.parley.xmpp.stream;

/**
 * Byte-level guard that runs over the input before Aalto sees it. It is a small state machine
 * (no allocation, one pass, state carried across chunk boundaries) that
 * <ul>
 *   <li>strictly validates UTF-8 (Aalto accepts overlong encodings such as {@code C0 AF});</li>
 *   <li>spots constructs forbidden by RFC 6120 §11.1 as soon as their first distinguishing byte arrives,
 *       before Aalto buffers them: {@code <!DOCTYPE}, {@code <!ENTITY} and other markup declarations,
 *       comments, processing instructions other than an XML declaration at the very start of the
 *       document, and references to entities other than the five predefined ones (in text and in
 *       attribute values);</li>
 *   <li>notes whether the current document contains anything other than whitespace.</li>
 * </ul>
 * Tags, attribute values and CDATA sections are tracked so that their content is not mistaken for
 * markup (and {@code <} in a tag, or {@code ]]>} in character data, are rejected here: Aalto misses
 * the latter when it is split across chunks). Everything else (mismatched tags, bad name characters,
 * namespaces, …) is left to Aalto.
 */
final class XmlPrescanner {

    private static final int TEXT = 0;          // character data, prolog, epilog
    private static final int LT = 1;            // after '<'
    private static final int BANG = 2;          // after "<!"
    private static final int CDATA_OPEN = 3;    // inside "<![CDATA[", matching
    private static final int CDATA = 4;         // inside a CDATA section
    private static final int PI_TARGET = 5;     // after "<?" at document start, matching "xml"
    private static final int XML_DECL = 6;      // inside the XML declaration
    private static final int AMP = 7;           // after '&', reading an entity name
    private static final int TAG = 8;           // inside a start or end tag, outside attribute values
    private static final int ATTR = 9;          // inside a quoted attribute value

    private static final byte[] CDATA_TOKEN = {'[', 'C', 'D', 'A', 'T', 'A', '['};
    private static final byte[] XML_TOKEN = {'x', 'm', 'l'};

    private int state;
    /** Remaining UTF-8 continuation bytes and the allowed range of the next one. */
    private int utfNeed;
    private int utfLo = 0x80;
    private int utfHi = 0xBF;
    /** Progress through CDATA_TOKEN / XML_TOKEN, count of ']' in TEXT and CDATA, '?' seen in XML declaration. */
    private int match;
    /** ATTR: the quote that closes the value. */
    private int quote;
    /** AMP: the state to return to after the reference (TEXT or ATTR). */
    private int ampReturn;
    /** Entity name bytes seen so far (at most 4 kept, packed big-endian), and their count. */
    private int entity;
    private int entityLen;
    /** Document position of the pending '<'; only 0 matters (XML declaration must come first). */
    private boolean ltAtDocStart;
    private long docBytes;
    private boolean nonWhitespace;

    private String condition;
    private String message;

    void reset() {
        state = TEXT;
        quote = 0;
        ampReturn = TEXT;
        utfNeed = 0;
        utfLo = 0x80;
        utfHi = 0xBF;
        match = 0;
        entity = 0;
        entityLen = 0;
        ltAtDocStart = false;
        docBytes = 0;
        nonWhitespace = false;
        condition = null;
        message = null;
        depth = 0;
        namesLen = 0;
    }

    // ---- tag names: start and end tags must match (Aalto misses e.g. <a></b> until more input) ----

    private static final int MAX_DEPTH = 256;
    private static final int MAX_NAME = 2048;
    private byte[] names = new byte[256];
    private int namesLen;
    private int[] nameStarts = new int[16];
    private int depth;
    private boolean endTag;
    private boolean nameDone;
    private boolean slashBeforeGt;
    private int tagBytes;
    private int nameStart;
    private String tagProblem;
    private String tagProblemText;

    private void tagStart() {
        endTag = false;
        nameDone = false;
        slashBeforeGt = false;
        tagBytes = 0;
        nameStart = namesLen;
    }

    /** Records a byte of a tag (outside attribute values); false if the name is too long. */
    private boolean tagName(int c) {
        if (tagBytes++ == 0 && c == '/') {
            endTag = true;
            return true;
        }
        if (!nameDone) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>') {
                nameDone = true;
            } else {
                if (namesLen - nameStart >= MAX_NAME) {
                    tagProblem = XmlStreamException.POLICY_VIOLATION;
                    tagProblemText = "element name too long";
                    return false;
                }
                if (namesLen == names.length) {
                    names = java.util.Arrays.copyOf(names, names.length * 2);
                }
                names[namesLen++] = (byte) c;
            }
        }
        if (c != '>') {
            slashBeforeGt = c == '/';
        }
        return true;
    }

    /** At the tag's '>': push a start tag, pop and compare an end tag. */
    private boolean tagClosed() {
        int len = namesLen - nameStart;
        if (endTag) {
            if (depth == 0) {
                tagProblem = XmlStreamException.NOT_WELL_FORMED;
                tagProblemText = "end tag without a start tag";
                return false;
            }
            int open = nameStarts[--depth];
            int openLen = nameStart - open;
            boolean same = openLen == len
                    && java.util.Arrays.equals(names, open, open + len, names, nameStart, nameStart + len);
            namesLen = open;
            if (!same) {
                tagProblem = XmlStreamException.NOT_WELL_FORMED;
                tagProblemText = "end tag does not match the start tag";
                return false;
            }
            return true;
        }
        if (slashBeforeGt) {
            namesLen = nameStart; // empty-element tag
            return true;
        }
        if (depth == MAX_DEPTH) {
            tagProblem = XmlStreamException.POLICY_VIOLATION;
            tagProblemText = "elements nested too deeply";
            return false;
        }
        if (depth == nameStarts.length) {
            nameStarts = java.util.Arrays.copyOf(nameStarts, depth * 2);
        }
        nameStarts[depth++] = nameStart;
        return true;
    }

    /** True if this document has had any byte other than XML whitespace. */
    boolean nonWhitespace() {
        return nonWhitespace;
    }

    boolean failed() {
        return condition != null;
    }

    XmlStreamException exception() {
        return new XmlStreamException(condition, message);
    }

    /**
     * Scans {@code b[from, to)}. Returns {@code to} if all is acceptable; otherwise records the
     * problem ({@link #failed()}) and returns the index of the offending byte: the caller hands Aalto
     * the bytes before it (so elements completed before the problem are still delivered) and then
     * reports the problem. Cutting exactly there, rather than at the start of, say, the {@code <!--},
     * means Aalto has seen the same bytes whatever the chunking, so the outcome (Aalto's
     * not-well-formed or this scanner's verdict) does not depend on how the input was split.
     * Once failed, it returns {@code from} on every call.
     */
    int scan(byte[] b, int from, int to) {
        if (condition != null) {
            return from;
        }
        int i = from;
        if (!nonWhitespace) {
            // cheap prefix skip for keep-alives and leading whitespace
            while (i < to && state == TEXT && utfNeed == 0) {
                int c = b[i];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    i++;
                } else {
                    nonWhitespace = true;
                    break;
                }
            }
            docBytes += i - from;
        }
        long docBase = docBytes - i; // docBytes == docBase + index
        for (; i < to; i++) {
            int c = b[i] & 0xFF;
            if (utfNeed != 0) {
                if (c < utfLo || c > utfHi) {
                    return fail(XmlStreamException.NOT_WELL_FORMED,
                            "invalid UTF-8 sequence (byte 0x" + Integer.toHexString(c) + ")", i, to, docBase);
                }
                utfLo = 0x80;
                utfHi = 0xBF;
                utfNeed--;
                continue; // continuation bytes never change the lexical state
            }
            if (c >= 0x80) {
                if (c < 0xC2) {
                    return fail(XmlStreamException.NOT_WELL_FORMED,
                            "invalid UTF-8 lead byte 0x" + Integer.toHexString(c), i, to, docBase);
                } else if (c < 0xE0) {
                    utfNeed = 1;
                } else if (c < 0xF0) {
                    utfNeed = 2;
                    if (c == 0xE0) {
                        utfLo = 0xA0;       // no overlong 3-byte forms
                    } else if (c == 0xED) {
                        utfHi = 0x9F;       // no UTF-16 surrogates
                    }
                } else if (c < 0xF5) {
                    utfNeed = 3;
                    if (c == 0xF0) {
                        utfLo = 0x90;       // no overlong 4-byte forms
                    } else if (c == 0xF4) {
                        utfHi = 0x8F;       // nothing above U+10FFFF
                    }
                } else {
                    return fail(XmlStreamException.NOT_WELL_FORMED,
                            "invalid UTF-8 lead byte 0x" + Integer.toHexString(c), i, to, docBase);
                }
            }
            nonWhitespace = true; // (the whitespace prefix skip above handles the common case)
            switch (state) {
                case TEXT:
                    if (c == '<') {
                        state = LT;
                        ltAtDocStart = docBase + i == 0;
                    } else if (c == '&') {
                        state = AMP;
                        ampReturn = TEXT;
                        entity = 0;
                        entityLen = 0;
                    } else if (c == ']') {
                        match++;
                        break;
                    } else if (c == '>' && match >= 2) {
                        // (Aalto misses this when the "]]>" is split across chunks)
                        return fail(XmlStreamException.NOT_WELL_FORMED,
                                "']]>' is not allowed in character data", i, to, docBase);
                    }
                    match = 0;
                    break;
                case LT:
                    if (c == '!') {
                        state = BANG;
                    } else if (c == '?') {
                        if (!ltAtDocStart) {
                            return fail(XmlStreamException.RESTRICTED_XML,
                                    "processing instructions are not allowed", i, to, docBase);
                        }
                        state = PI_TARGET;
                        match = 0;
                    } else {
                        state = TAG;
                        tagStart();
                        i--; // re-examine: "<<", "<&", "<>" are errors in TAG too
                        if (c >= 0x80) {
                            utfNeed = 0; // undo: the lead byte is examined again
                            utfLo = 0x80;
                            utfHi = 0xBF;
                        }
                    }
                    break;
                case TAG:
                    if (!tagName(c)) {
                        return fail(tagProblem, tagProblemText, i, to, docBase);
                    }
                    if (c == '>') {
                        if (!tagClosed()) {
                            return fail(tagProblem, tagProblemText, i, to, docBase);
                        }
                        state = TEXT;
                        match = 0;
                    } else if (c == '"' || c == '\'') {
                        state = ATTR;
                        quote = c;
                    } else if (c == '<' || c == '&') {
                        return fail(XmlStreamException.NOT_WELL_FORMED,
                                "'" + (char) c + "' not allowed in a tag", i, to, docBase);
                    }
                    break;
                case ATTR:
                    if (c == quote) {
                        state = TAG;
                    } else if (c == '&') {
                        state = AMP;
                        ampReturn = ATTR;
                        entity = 0;
                        entityLen = 0;
                    } else if (c == '<') {
                        return fail(XmlStreamException.NOT_WELL_FORMED,
                                "'<' not allowed in an attribute value", i, to, docBase);
                    }
                    break;
                case BANG:
                    if (c == '[') {
                        state = CDATA_OPEN;
                        match = 1;
                    } else if (c == '-') {
                        return fail(XmlStreamException.RESTRICTED_XML, "comments are not allowed", i, to, docBase);
                    } else if (c == 'D') {
                        return fail(XmlStreamException.RESTRICTED_XML, "DTDs are not allowed", i, to, docBase);
                    } else {
                        return fail(XmlStreamException.RESTRICTED_XML,
                                "markup declarations (<!ENTITY, <!ELEMENT, ...) are not allowed", i, to, docBase);
                    }
                    break;
                case CDATA_OPEN:
                    if (c != CDATA_TOKEN[match]) {
                        return fail(XmlStreamException.NOT_WELL_FORMED, "malformed CDATA section start", i, to, docBase);
                    }
                    if (++match == CDATA_TOKEN.length) {
                        state = CDATA;
                        match = 0;
                    }
                    break;
                case CDATA:
                    if (c == ']') {
                        match++;
                    } else {
                        if (c == '>' && match >= 2) {
                            state = TEXT;
                        }
                        match = 0;
                    }
                    break;
                case PI_TARGET:
                    if (match < XML_TOKEN.length) {
                        if (c != XML_TOKEN[match]) {
                            return fail(XmlStreamException.RESTRICTED_XML,
                                    "processing instructions are not allowed", i, to, docBase);
                        }
                        match++;
                    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                        state = XML_DECL;
                        match = 0;
                    } else {
                        return fail(XmlStreamException.RESTRICTED_XML,
                                "processing instructions are not allowed", i, to, docBase);
                    }
                    break;
                case XML_DECL:
                    if (c == '?') {
                        match = 1;
                    } else {
                        boolean end = c == '>' && match == 1;
                        match = 0;
                        if (end) {
                            state = TEXT;
                        }
                    }
                    break;
                case AMP:
                    // Decide on every byte, never later than Aalto would: Aalto sees the bytes of a
                    // reference as they arrive, so deferring a verdict would make the outcome depend
                    // on how the input is chunked.
                    if (entityLen == 0 && c == '#') {
                        state = ampReturn; // character reference: Aalto validates it
                        match = 0;
                    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        if (entityLen == 4) { // longer than any predefined entity name
                            return fail(XmlStreamException.RESTRICTED_XML,
                                    "reference to an undeclared entity", i, to, docBase);
                        }
                        entity = (entity << 8) | c;
                        entityLen++;
                    } else if (c == ';' && entityLen != 0) {
                        if (!isPredefined(entity, entityLen)) {
                            return fail(XmlStreamException.RESTRICTED_XML,
                                    "reference to an undeclared entity", i, to, docBase);
                        }
                        state = ampReturn;
                        match = 0;
                    } else if (c >= 0x80 || (entityLen != 0 && isOtherNameByte(c))) {
                        // a name, but not one of amp/lt/gt/quot/apos
                        return fail(XmlStreamException.RESTRICTED_XML,
                                "reference to an undeclared entity", i, to, docBase);
                    } else if (entityLen == 0 && (c == '_' || c == ':')) {
                        return fail(XmlStreamException.RESTRICTED_XML,
                                "reference to an undeclared entity", i, to, docBase);
                    } else {
                        return fail(XmlStreamException.NOT_WELL_FORMED,
                                "malformed entity reference", i, to, docBase);
                    }
                    break;
                default:
                    throw new IllegalStateException("state " + state);
            }
        }
        docBytes = docBase + to;
        return to;
    }

    private int fail(String cond, String msg, int at, int to, long docBase) {
        condition = cond;
        message = msg;
        docBytes = docBase + to;
        return at;
    }

    /** ASCII name characters other than letters. */
    private static boolean isOtherNameByte(int c) {
        return (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static final int AMP_NAME = ('a' << 16) | ('m' << 8) | 'p';
    private static final int LT_NAME = ('l' << 8) | 't';
    private static final int GT_NAME = ('g' << 8) | 't';
    private static final int QUOT_NAME = ('q' << 24) | ('u' << 16) | ('o' << 8) | 't';
    private static final int APOS_NAME = ('a' << 24) | ('p' << 16) | ('o' << 8) | 's';

    private static boolean isPredefined(int name, int len) {
        switch (len) {
            case 2: return name == LT_NAME || name == GT_NAME;
            case 3: return name == AMP_NAME;
            case 4: return name == QUOT_NAME || name == APOS_NAME;
            default: return false;
        }
    }
}
