package org.parley.feature.roster;

import org.dom4j.Element;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.Sessions;

/** Sends roster pushes (RFC 6121 §2.1.6) to the interested resources of an account. */
public final class RosterPush {
    private RosterPush() {
    }

    /** Pushes a change if the user can see it: the new item, or a removal if it disappeared. */
    public static void push(Sessions sessions, RosterChange change) {
        if (!change.changed()) {
            return;
        }
        Element item;
        if (change.visibleAfter() != null) {
            item = RosterXml.item(change.visibleAfter());
        } else if (change.visibleBefore() != null) {
            item = RosterXml.removedItem(change.visibleBefore().jid());
        } else {
            return;
        }
        for (ClientSessionView s : sessions.of(change.owner())) {
            if (s.isInterested()) {
                s.send(RosterXml.push(s.jid(), item, change.version()));
            }
        }
    }
}
