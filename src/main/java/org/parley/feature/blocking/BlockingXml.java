package org.parley.feature.blocking;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** XML of XEP-0191: items, the blocklist, pushes and the 'blocked' error. */
final class BlockingXml {
    static final String NS = "urn:xmpp:blocking";
    static final String ERRORS_NS = "urn:xmpp:blocking:errors";

    private BlockingXml() {
    }

    /** An item whose 'jid' is missing or not a valid JID. */
    static final class MalformedItem extends Exception {
        MalformedItem(String message) {
            super(message, null, false, false);
        }
    }

    /** The JIDs of the {@code <item/>} children of a block or unblock element, in canonical form. */
    static List<JID> items(Element command) throws MalformedItem {
        List<JID> jids = new ArrayList<>();
        for (Element item : command.elements()) {
            if (!"item".equals(item.getName()) || !NS.equals(item.getNamespaceURI())) {
                continue;
            }
            String jid = item.attributeValue("jid");
            if (jid == null || jid.isBlank()) {
                throw new MalformedItem("item without a jid");
            }
            try {
                jids.add(new JID(jid.trim()));
            } catch (IllegalArgumentException e) {
                throw new MalformedItem("not a valid JID: " + jid);
            }
        }
        return jids;
    }

    /** {@code <name xmlns='urn:xmpp:blocking'><item jid='...'/>...</name>}. */
    static Element element(String name, Collection<JID> jids) {
        Element e = DocumentHelper.createElement(QName.get(name, NS));
        for (JID j : jids) {
            e.addElement("item", NS).addAttribute("jid", j.toString());
        }
        return e;
    }

    static IQ blocklistResult(IQ request, Blocklist list) {
        IQ result = IQ.createResultIQ(request);
        result.setChildElement(element("blocklist", list.items()));
        return result;
    }

    /** A block or unblock push to one resource (XEP-0191 §3.3, §3.4, §3.5). */
    static IQ push(JID resource, String name, Collection<JID> jids) {
        IQ push = new IQ(IQ.Type.set, "push-" + UUID.randomUUID());
        push.setTo(resource);
        push.setChildElement(element(name, jids));
        return push;
    }

    /** Error to a user who sends to a JID they blocked: not-acceptable plus {@code <blocked/>} (§3.3). */
    static Packet blockedError(Packet stanza) {
        PacketError error = new PacketError(PacketError.Condition.not_acceptable, PacketError.Type.cancel);
        error.setApplicationCondition("blocked", ERRORS_NS);
        return errorReply(stanza, error);
    }

    /** The error reply to a stanza (addresses swapped), or null for stanzas that must not be answered. */
    static Packet errorReply(Packet stanza, PacketError error) {
        if (!answerable(stanza)) {
            return null;
        }
        Packet reply = stanza.createCopy();
        reply.setTo(stanza.getFrom());
        reply.setFrom(stanza.getTo());
        reply.setError(error);
        return reply;
    }

    /** Errors and IQ results are never answered with an error (RFC 6120 §8.3.1). */
    static boolean answerable(Packet stanza) {
        if (stanza.getError() != null) {
            return false;
        }
        if (stanza instanceof IQ iq) {
            return iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set;
        }
        if (stanza instanceof Message m) {
            return m.getType() != Message.Type.error;
        }
        return !(stanza instanceof Presence p) || p.getType() != Presence.Type.error;
    }
}
