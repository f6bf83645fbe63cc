package org.parley.feature.disco;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.ModuleContext.Identity;
import org.parley.xmpp.spi.ModuleContext.Item;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/** The query elements of XEP-0030 disco#info and disco#items. */
final class DiscoXml {
    static final String INFO = "http://jabber.org/protocol/disco#info";
    static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private DiscoXml() {
    }

    /**
     * disco#info: identities in the given order without duplicates, features sorted and unique (XEP-0030
     * §3.1 forbids duplicates; a stable order keeps XEP-0115 hashes of clients that cache us stable).
     */
    static Element info(String node, Collection<Identity> identities, Collection<String> features) {
        Element query = query(INFO, node);
        for (Identity i : new LinkedHashSet<>(identities)) {
            Element e = query.addElement("identity", INFO)
                    .addAttribute("category", i.category())
                    .addAttribute("type", i.type());
            if (i.name() != null) {
                e.addAttribute("name", i.name());
            }
        }
        for (String var : new TreeSet<>(features)) {
            query.addElement("feature", INFO).addAttribute("var", var);
        }
        return query;
    }

    static Element items(String node, List<Item> items) {
        Element query = query(ITEMS, node);
        for (Item i : items) {
            Element e = query.addElement("item", ITEMS).addAttribute("jid", i.jid());
            if (i.name() != null) {
                e.addAttribute("name", i.name());
            }
        }
        return query;
    }

    /** Items a module built: re-created in the disco#items namespace, attributes kept. */
    static Element nodeItems(String node, List<Element> items) {
        Element query = query(ITEMS, node);
        for (Element i : items) {
            Element e = query.addElement("item", ITEMS);
            for (Attribute a : i.attributes()) {
                e.addAttribute(a.getName(), a.getValue());
            }
        }
        return query;
    }

    private static Element query(String ns, String node) {
        Element query = DocumentHelper.createElement(QName.get("query", ns));
        if (node != null) {
            query.addAttribute("node", node);
        }
        return query;
    }
}
