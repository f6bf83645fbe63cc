package org.parley.xmpp.spi;

import org.xmpp.packet.JID;

import java.util.Collection;
import java.util.List;

public interface Sessions {
    /** Bound sessions of one account (bare JID). */
    List<? extends ClientSessionView> of(JID bareJid);

    ClientSessionView get(JID fullJid);

    Collection<? extends ClientSessionView> all();

    int count();

    /** Ends a session with a stream error (e.g. "conflict", "policy-violation", "not-authorized"). */
    void kick(JID jid, String streamErrorCondition, String text);
}
