package org.parley.feature.presence;

import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/** Small presence helpers. Forwarded presence is always a copy of the original element, never rebuilt. */
final class PresenceStanzas {
    private PresenceStanzas() {
    }

    /** Whether the 'type' attribute is one RFC 6120 defines (Tinder throws on others). */
    static boolean hasValidType(Presence p) {
        try {
            p.getType();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 6121 §4.7.2.3: priority is an integer from -128 to +127; absent means 0. */
    static boolean hasValidPriority(Presence p) {
        String text = p.getElement().elementText("priority");
        if (text == null) {
            return true;
        }
        try {
            int v = Integer.parseInt(text.trim());
            return v >= -128 && v <= 127;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A copy of the original stanza (status, show, extensions untouched) with new addresses. */
    static Presence readdressed(Presence original, JID from, JID to) {
        Presence copy = original.createCopy();
        copy.setFrom(from);
        copy.setTo(to);
        return copy;
    }

    static Presence unavailable(JID from, JID to) {
        Presence p = new Presence(Presence.Type.unavailable);
        p.setFrom(from);
        p.setTo(to);
        return p;
    }

    /** A server-generated subscription stanza (auto-replies, stored requests). */
    static Presence subscription(Presence.Type type, JID from, JID to, String status) {
        Presence p = new Presence(type);
        p.setFrom(from);
        p.setTo(to);
        if (status != null && !status.isEmpty()) {
            p.setStatus(status);
        }
        return p;
    }

    /** The error reply to a presence stanza (addresses swapped), sent back to its sender. */
    static Presence error(Presence p, PacketError.Condition condition) {
        Presence e = p.createCopy();
        e.setType(Presence.Type.error);
        e.setFrom(p.getTo());
        e.setTo(p.getFrom());
        e.setError(condition);
        return e;
    }
}
