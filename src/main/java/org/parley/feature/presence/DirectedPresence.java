package org.parley.feature.presence;

import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Directed presence a session sent (RFC 6121 §4.6), remembered on the session so its unavailable
 * presence (or its end) reaches those entities too.
 */
final class DirectedPresence {
    static final String ATTRIBUTE = "presence.directed";
    /** Bounds the memory one session can claim. */
    static final int MAX_PER_SESSION = 1000;

    private DirectedPresence() {
    }

    /** Notes an available or unavailable presence the session addressed to one entity. */
    static void record(Origin session, Presence p) {
        JID to = p.getTo();
        if (p.getType() == Presence.Type.unavailable) {
            Set<JID> set = session.attribute(ATTRIBUTE);
            if (set != null) {
                set.remove(to);
            }
            return;
        }
        Set<JID> set = session.attribute(ATTRIBUTE);
        if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            session.attribute(ATTRIBUTE, set);
        }
        if (set.size() < MAX_PER_SESSION) {
            set.add(to);
        }
    }

    /** The recipients, forgotten: they are about to get the session's unavailable presence. */
    static List<JID> drain(Origin session) {
        Set<JID> set = session.attribute(ATTRIBUTE);
        if (set == null || set.isEmpty()) {
            return List.of();
        }
        List<JID> list = List.copyOf(set);
        set.removeAll(list);
        return list;
    }
}
