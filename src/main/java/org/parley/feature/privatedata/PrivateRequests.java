package org.parley.feature.privatedata;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * jabber:iq:private get and set (XEP-0049), for one's own account only (else forbidden). Data is kept per
 * namespace: a set replaces what was stored under each namespace it contains (several elements of one
 * namespace are kept together); a get names one namespace and gets back what is stored, or its own
 * element back when nothing is. An empty query, an element without a namespace or in a reserved one
 * ('jabber:*', 'vcard-temp') is not-acceptable; a get naming several elements is a bad-request.
 */
final class PrivateRequests implements IqHandler {
    static final String NS = "jabber:iq:private";
    static final int MAX_NAMESPACE_LENGTH = 1024;

    /** Stores namespace → payload for an account; false if refused for the namespace limit. */
    interface Saver {
        boolean save(String account, Map<String, String> payloads);
    }

    private final BiFunction<String, String, Optional<String>> load;
    private final Saver saver;
    private final int maxBytes;

    /**
     * @param load     stored payload of (account, namespace)
     * @param maxBytes largest payload of one namespace, in UTF-8 bytes
     */
    PrivateRequests(BiFunction<String, String, Optional<String>> load, Saver saver, int maxBytes) {
        this.load = load;
        this.saver = saver;
        this.maxBytes = maxBytes;
    }

    @Override
    public IQ handle(IQ iq, Origin origin) {
        JID from = iq.getFrom();
        if (from == null || from.getNode() == null) {
            return ModuleContext.error(iq, PacketError.Condition.service_unavailable);
        }
        String self = from.toBareJID();
        if (iq.getTo() != null && !iq.getTo().toBareJID().equals(self)) {
            return ModuleContext.error(iq, PacketError.Condition.forbidden);
        }
        Element query = iq.getChildElement();
        if (!"query".equals(query.getName())) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        List<Element> children = query.elements();
        if (children.isEmpty() || children.stream().anyMatch(e -> !acceptable(e.getNamespaceURI()))) {
            return ModuleContext.error(iq, PacketError.Condition.not_acceptable);
        }
        return iq.getType() == IQ.Type.get ? get(iq, self, children) : set(iq, self, children);
    }

    static boolean acceptable(String ns) {
        return ns != null && !ns.isEmpty() && ns.length() <= MAX_NAMESPACE_LENGTH
                && !ns.startsWith("jabber:") && !ns.equals("vcard-temp");
    }

    private IQ get(IQ iq, String self, List<Element> children) {
        if (children.size() > 1) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request); // one namespace per get
        }
        Element asked = children.get(0);
        Optional<String> stored = load.apply(self, asked.getNamespaceURI());
        List<Element> content = stored.map(PrivateXml::parse).orElseGet(() -> List.of(asked.createCopy()));
        IQ result = IQ.createResultIQ(iq);
        Element query = DocumentHelper.createElement(QName.get("query", NS));
        content.forEach(query::add);
        result.setChildElement(query);
        return result;
    }

    private IQ set(IQ iq, String self, List<Element> children) {
        Map<String, List<Element>> byNamespace = new LinkedHashMap<>();
        for (Element e : children) {
            byNamespace.computeIfAbsent(e.getNamespaceURI(), k -> new ArrayList<>()).add(e);
        }
        Map<String, String> payloads = new LinkedHashMap<>();
        for (Map.Entry<String, List<Element>> entry : byNamespace.entrySet()) {
            String xml = PrivateXml.toXml(entry.getValue());
            if (xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                return tooLarge(iq, "private data of " + entry.getKey() + " larger than " + maxBytes + " bytes");
            }
            payloads.put(entry.getKey(), xml);
        }
        if (!saver.save(self, payloads)) {
            return tooLarge(iq, "too many private namespaces");
        }
        return IQ.createResultIQ(iq);
    }

    /** not-acceptable without echoing the (large) payload. */
    private static IQ tooLarge(IQ iq, String text) {
        IQ error = IQ.createResultIQ(iq);
        error.setError(new PacketError(PacketError.Condition.not_acceptable, PacketError.Type.modify, text));
        return error;
    }
}
