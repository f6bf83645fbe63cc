package org.parley.xmpp.stream;

import java.util.Objects;

/**
 * A fatal problem with the incoming XML stream. {@link #condition()} is the name of the
 * RFC 6120 §4.9.3 stream error the caller should send before closing the stream
 * (e.g. {@code not-well-formed}, {@code restricted-xml}, {@code policy-violation}).
 */
public final class XmlStreamException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Malformed XML, invalid UTF-8, unexpected end of input. */
    public static final String NOT_WELL_FORMED = "not-well-formed";
    /** DTD, entity declaration, comment, processing instruction, undeclared entity reference (RFC 6120 §11.1). */
    public static final String RESTRICTED_XML = "restricted-xml";
    /** Size, nesting-depth or name-count limit exceeded. */
    public static final String POLICY_VIOLATION = "policy-violation";
    /** XML declaration names an encoding other than UTF-8. */
    public static final String UNSUPPORTED_ENCODING = "unsupported-encoding";

    private final String condition;

    public XmlStreamException(String condition, String text) {
        super(text);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    /** The RFC 6120 stream error condition name, e.g. {@code not-well-formed}. */
    public String condition() {
        return condition;
    }

    /** Human-readable description (suitable for the optional {@code <text/>} of the stream error). */
    public String text() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "XmlStreamException[" + condition + "]: " + getMessage();
    }
}
