package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.parley.xmpp.core.Stanzas;
import org.parley.xmpp.stream.RootElement;
import org.parley.xmpp.stream.XmlStreamException;
import org.parley.xmpp.stream.XmlStreamParser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Parses a request body with the stream parser (STREAM mode: the root is {@code <body/>}, its children are
 * the payloads), so BOSH input meets the same XML restrictions and stanza size limit as TCP input.
 */
final class BodyParser {
    static final String HTTPBIND_NS = "http://jabber.org/protocol/httpbind";
    private static final Namespace CLIENT = Namespace.get(Stanzas.CLIENT_NS);

    /** The body is not a well-formed, acceptable {@code <body/>}; {@link #root} is set if its start tag was. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RootElement root;
        /** The BOSH condition: policy-violation for a stanza over the limit, else bad-request. */
        final String condition;

        BadBody(String message, RootElement root) {
            this(message, root, "bad-request");
        }

        BadBody(String message, RootElement root, String condition) {
            super(message, null, false, false);
            this.root = root;
            this.condition = condition;
        }
    }

    private BodyParser() {
    }

    static BoshRequest parse(byte[] data, int length, int maxStanzaBytes) throws BadBody {
        return parse(data, length, maxStanzaBytes, root -> null);
    }

    /**
     * @param limitOf a lower stanza limit for the body whose start tag it is given (the session's domain), or
     *                null for none
     */
    static BoshRequest parse(byte[] data, int length, int maxStanzaBytes, Function<RootElement, IntSupplier> limitOf)
            throws BadBody {
        Collector c = new Collector(false);
        XmlStreamParser parser = new XmlStreamParser(XmlStreamParser.Mode.STREAM, maxStanzaBytes, c);
        c.opened = root -> {
            IntSupplier limit = limitOf.apply(root);
            if (limit != null) {
                parser.limitElementBytes(limit);
            }
        };
        try {
            parser.feed(data, 0, length);
            parser.endOfInput();
        } catch (XmlStreamException e) {
            throw new BadBody(e.condition() + ": " + e.getMessage(), c.root,
                    XmlStreamException.POLICY_VIOLATION.equals(e.condition()) && c.root != null
                            ? BoshSession.POLICY_VIOLATION : "bad-request");
        } catch (WrongRoot e) {
            throw new BadBody("the root must be <body xmlns='" + HTTPBIND_NS + "'/>", null);
        }
        if (c.root == null) {
            throw new BadBody("empty request", null);
        }
        return new BoshRequest(c.root, c.elements);
    }

    /**
     * The {@code <body/>} start tag at the beginning of {@code data} (e.g. of a body too large to parse), or
     * null. Its children are never looked at.
     */
    static RootElement rootOf(byte[] data, int length, int maxStanzaBytes) {
        Collector c = new Collector(true);
        try {
            new XmlStreamParser(XmlStreamParser.Mode.STREAM, maxStanzaBytes, c).feed(data, 0, length);
        } catch (XmlStreamException | RuntimeException e) {
            // whatever comes after the start tag does not matter here
        }
        return c.root;
    }

    /**
     * Stanzas written without a namespace inherit the body's; many clients do that (XEP-0206 §3), so
     * elements in the httpbind namespace are taken as jabber:client.
     */
    private static void adopt(Element e) {
        if (HTTPBIND_NS.equals(e.getNamespaceURI())) {
            e.setQName(QName.get(e.getName(), CLIENT));
            for (Element child : e.elements()) {
                adopt(child);
            }
        }
    }

    private static final class WrongRoot extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongRoot() {
            super(null, null, false, false);
        }
    }

    private static final class Collector implements XmlStreamParser.Listener {
        private final boolean rootOnly;
        private final List<Element> elements = new ArrayList<>();
        private RootElement root;
        private java.util.function.Consumer<RootElement> opened = r -> { };

        Collector(boolean rootOnly) {
            this.rootOnly = rootOnly;
        }

        @Override
        public void rootOpened(RootElement r) {
            if (!"body".equals(r.localName()) || !HTTPBIND_NS.equals(r.namespaceUri())) {
                throw new WrongRoot();
            }
            root = r;
            opened.accept(r);
            if (rootOnly) {
                throw new WrongRoot(); // stop here
            }
        }

        @Override
        public void element(Element element) {
            adopt(element);
            elements.add(element);
        }

        @Override
        public void rootClosed() {
        }
    }
}
