package org.parley.xmpp.core;

import org.dom4j.Element;
import org.parley.xmpp.stream.XmlWriter;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/** Stanza helpers shared by the router and the transports. */
public final class Stanzas {
    public static final String CLIENT_NS = "jabber:client";

    private Stanzas() {
    }

    /** Serialises a stanza fully qualified (RFC 7395 needs the namespace on every stanza). */
    public static String toXml(Element element) {
        return XmlWriter.toXml(element, CLIENT_NS);
    }

    /** Wraps a parsed top-level element as a Tinder packet, or null if it is not a jabber:client stanza. */
    public static Packet wrap(Element element) {
        if (!CLIENT_NS.equals(element.getNamespaceURI())) {
            return null;
        }
        return switch (element.getName()) {
            case "message" -> new Message(element, true);
            case "presence" -> new Presence(element, true);
            case "iq" -> new IQ(element, true);
            default -> null;
        };
    }

    /** The error reply to a stanza (to and from swapped), or null for stanzas that must not be answered. */
    public static Packet bounce(Packet stanza, PacketError.Condition condition) {
        if (stanza.getError() != null) {
            return null;
        }
        if (stanza instanceof IQ iq) {
            if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
                return null;
            }
        }
        if (stanza instanceof Message m && m.getType() == Message.Type.error) {
            return null;
        }
        if (stanza instanceof Presence p && p.getType() == Presence.Type.error) {
            return null;
        }
        Packet reply = stanza.createCopy();
        reply.setTo(stanza.getFrom());
        reply.setFrom(stanza.getTo());
        if (reply instanceof IQ riq) {
            riq.setType(IQ.Type.error);
        } else if (reply instanceof Message rm) {
            rm.setType(Message.Type.error);
        } else if (reply instanceof Presence rp) {
            rp.setType(Presence.Type.error);
        }
        reply.setError(condition);
        return reply;
    }
}
