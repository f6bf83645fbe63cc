package org.parley.xmpp.spi;

import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/** The session a stanza came from, as modules see it. */
public interface Origin {
    /** Full JID once bound (null before). */
    JID jid();

    String domain();

    /** Sends a stanza to this session's client (no routing). */
    void send(Packet packet);

    boolean isAvailable();

    boolean isAdmin();

    /** Whether this session asked for the roster (RFC 6121 §2.1.6: "interested resource"). */
    boolean isInterested();

    void setInterested(boolean interested);

    /** Last available presence broadcast by this session, or null. */
    Presence presence();

    /** Set by the presence module when the session broadcasts presence. */
    void presence(Presence presence);

    /** Per-session values of modules. */
    <T> T attribute(String key);

    void attribute(String key, Object value);
}
