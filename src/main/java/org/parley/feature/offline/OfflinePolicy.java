package org.parley.feature.offline;

import org.dom4j.Element;
import org.xmpp.packet.Message;

import java.util.Set;

/**
 * Which messages are worth keeping for an offline account (XEP-0160 §3): anything with a body, a subject
 * or a payload of its own, but not bare notifications such as chat states, which mean nothing later.
 * XEP-0334 hints override: &lt;no-store/&gt; and &lt;no-permanent-store/&gt; drop, &lt;store/&gt; keeps.
 */
final class OfflinePolicy {
    static final String HINTS_NS = "urn:xmpp:hints";
    /** Payloads that only make sense live, or only annotate other content. */
    static final Set<String> TRANSIENT_NS = Set.of(
            "http://jabber.org/protocol/chatstates",
            HINTS_NS,
            "urn:xmpp:sid:0",
            "urn:xmpp:delay",
            "jabber:x:event",
            "http://jabber.org/protocol/nick");

    private OfflinePolicy() {
    }

    static boolean worthStoring(Message m) {
        Element root = m.getElement();
        for (Element hint : root.elements()) {
            if (HINTS_NS.equals(hint.getNamespaceURI())) {
                switch (hint.getName()) {
                    case "no-store", "no-permanent-store" -> {
                        return false;
                    }
                    case "store" -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
        }
        String clientNs = root.getNamespaceURI();
        for (Element child : root.elements()) {
            String ns = child.getNamespaceURI();
            if (ns.equals(clientNs) || ns.isEmpty()) {
                if (("body".equals(child.getName()) || "subject".equals(child.getName()))
                        && !child.getText().isBlank()) {
                    return true;
                }
                // thread, an empty body, an error element: not content on their own
            } else if (!TRANSIENT_NS.contains(ns) && !isReceiptRequest(child)) {
                return true;
            }
        }
        return false;
    }

    /** A bare XEP-0184 request asks for a receipt of content; alone it carries none. */
    private static boolean isReceiptRequest(Element e) {
        return "urn:xmpp:receipts".equals(e.getNamespaceURI()) && "request".equals(e.getName());
    }
}
