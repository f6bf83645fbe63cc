package org.parley.it.support;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses what a server sent on a c2s stream, which may still be open (truncated): the root's attributes,
 * the complete top-level elements, whether the root was closed, and the stream error condition.
 */
public final class StreamParse {

    /** What was parsed. {@code streamError} is the condition element's name (RFC 6120 §4.9.3), or null. */
    public record Result(String rootName, String rootNamespace, java.util.Map<String, String> rootAttributes,
                         List<Element> elements, boolean rootClosed, String streamError, String streamErrorNamespace,
                         String parseProblem) {

        public Element streamErrorElement() {
            return elements.stream().filter(e -> "error".equals(e.getName())
                    && RawXmpp.STREAM_NS.equals(e.getNamespaceURI())).findFirst().orElse(null);
        }
    }

    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private StreamParse() {
    }

    public static Result parse(String text) {
        String rootName = null;
        String rootNs = null;
        java.util.Map<String, String> rootAttrs = new java.util.LinkedHashMap<>();
        List<Element> elements = new ArrayList<>();
        boolean rootClosed = false;
        String problem = null;
        Element current = null;
        int depth = 0;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(text));
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 1) {
                            rootName = r.getLocalName();
                            rootNs = r.getNamespaceURI();
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                String p = r.getAttributePrefix(i);
                                rootAttrs.put((p == null || p.isEmpty() ? "" : p + ":") + r.getAttributeLocalName(i),
                                        r.getAttributeValue(i));
                            }
                        } else {
                            Element e = element(r);
                            if (current != null) {
                                current.add(e);
                            }
                            current = e;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (depth == 0) {
                            rootClosed = true;
                        } else if (current != null) {
                            Element parent = current.getParent();
                            if (depth == 1) {
                                elements.add(current);
                            }
                            current = parent;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (current != null) {
                            current.addText(r.getText());
                        }
                    }
                    default -> {
                    }
                }
                if (rootClosed) {
                    break;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            problem = e.getMessage(); // usually just the end of what arrived so far
        }
        String condition = null;
        String conditionNs = null;
        for (Element e : elements) {
            if ("error".equals(e.getName()) && RawXmpp.STREAM_NS.equals(e.getNamespaceURI())) {
                for (Element c : e.elements()) {
                    if (!"text".equals(c.getName())) {
                        condition = c.getName();
                        conditionNs = c.getNamespaceURI();
                        break;
                    }
                }
            }
        }
        return new Result(rootName, rootNs, rootAttrs, elements, rootClosed, condition, conditionNs, problem);
    }

    private static Element element(XMLStreamReader r) {
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        Element e = DocumentHelper.createElement(QName.get(r.getLocalName(), Namespace.get(prefix, ns)));
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ans = r.getAttributeNamespace(i);
            String ap = r.getAttributePrefix(i);
            QName q = ans == null || ans.isEmpty() ? QName.get(r.getAttributeLocalName(i))
                    : QName.get(r.getAttributeLocalName(i), Namespace.get(ap == null ? "" : ap, ans));
            e.addAttribute(q, r.getAttributeValue(i));
        }
        return e;
    }
}
