package org.parley.feature.roster;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The jabber:iq:roster XML (RFC 6121 §2.1): items, queries, pushes, and checking roster sets (§2.3.3). */
public final class RosterXml {
    public static final String NS = "jabber:iq:roster";
    /** XEP-0237 stream feature namespace. */
    public static final String VERSIONING_NS = "urn:xmpp:features:rosterver";
    static final int MAX_NAME = 1023;
    static final int MAX_GROUP = 1023;

    private RosterXml() {
    }

    /** A roster set, checked. */
    public record SetRequest(JID jid, String name, List<String> groups, boolean remove) {
    }

    /** A roster set the server refuses, with the stanza error RFC 6121 §2.3.3 names. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final PacketError.Condition condition;

        public Refused(PacketError.Condition condition, String message) {
            super(message);
            this.condition = condition;
        }

        public PacketError.Condition condition() {
            return condition;
        }
    }

    public static Element item(RosterEntry e) {
        Element item = DocumentHelper.createElement(QName.get("item", NS));
        item.addAttribute("jid", e.jid().toBareJID());
        if (e.name() != null) {
            item.addAttribute("name", e.name());
        }
        item.addAttribute("subscription", e.subscription().xmlValue());
        if (e.state().pendingOut()) {
            item.addAttribute("ask", "subscribe");
        }
        for (String g : e.groups()) {
            item.addElement(QName.get("group", NS)).setText(g);
        }
        return item;
    }

    /** The item of a roster push announcing a deletion (§2.5.2). */
    public static Element removedItem(JID jid) {
        Element item = DocumentHelper.createElement(QName.get("item", NS));
        item.addAttribute("jid", jid.toBareJID());
        item.addAttribute("subscription", "remove");
        return item;
    }

    /** The result of a roster get: all visible items, with the version (XEP-0237). */
    public static IQ result(IQ get, Collection<RosterEntry> entries, long version) {
        IQ reply = IQ.createResultIQ(get);
        Element query = reply.setChildElement("query", NS);
        query.addAttribute("ver", Long.toString(version));
        for (RosterEntry e : entries) {
            query.add(item(e));
        }
        return reply;
    }

    /** A roster push (§2.1.6) to one interested resource; no 'from' means "from the user's account". */
    public static IQ push(JID to, Element item, long version) {
        IQ push = new IQ(IQ.Type.set, "push-" + UUID.randomUUID());
        push.setTo(to);
        Element query = push.setChildElement("query", NS);
        query.addAttribute("ver", Long.toString(version));
        query.add(item.createCopy());
        return push;
    }

    /** Checks a roster set's query element (RFC 6121 §2.1.5, §2.3.3). */
    public static SetRequest parseSet(Element query) throws Refused {
        List<Element> items = query.elements();
        if (items.size() != 1 || !"item".equals(items.get(0).getName())) {
            throw new Refused(PacketError.Condition.bad_request, "a roster set carries exactly one item");
        }
        Element item = items.get(0);
        JID jid = parseJid(item.attributeValue("jid"));
        // Any 'subscription' other than "remove" is ignored (§2.1.5), so is 'ask'.
        if ("remove".equals(item.attributeValue("subscription"))) {
            return new SetRequest(jid, null, List.of(), true);
        }
        String name = item.attributeValue("name");
        if (name != null && name.length() > MAX_NAME) {
            throw new Refused(PacketError.Condition.not_acceptable, "name too long");
        }
        List<String> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Element g : item.elements("group")) {
            String group = g.getText();
            if (group.isEmpty()) {
                throw new Refused(PacketError.Condition.not_acceptable, "empty group name");
            }
            if (group.length() > MAX_GROUP) {
                throw new Refused(PacketError.Condition.not_acceptable, "group name too long");
            }
            if (!seen.add(group)) {
                throw new Refused(PacketError.Condition.bad_request, "duplicate group " + group);
            }
            total += group.length() + 1;
            if (total > RosterItem.MAX_GROUP_COLUMN) {
                throw new Refused(PacketError.Condition.not_acceptable, "too many groups");
            }
            groups.add(group);
        }
        return new SetRequest(jid, name, groups, false);
    }

    private static JID parseJid(String value) throws Refused {
        if (value == null || value.isBlank()) {
            throw new Refused(PacketError.Condition.bad_request, "the item has no jid");
        }
        JID jid;
        try {
            jid = new JID(value.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused(PacketError.Condition.bad_request, "not a valid JID: " + value);
        }
        if (jid.getDomain() == null || jid.getDomain().isEmpty()
                || jid.toBareJID().length() > RosterItem.MAX_JID) {
            throw new Refused(PacketError.Condition.bad_request, "not a valid JID: " + value);
        }
        return jid.asBareJID();
    }
}
