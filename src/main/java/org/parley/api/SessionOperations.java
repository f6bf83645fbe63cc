package org.parley.api;

import java.util.List;

/** Bound client sessions. */
public interface SessionOperations {
    /** Sessions of one domain, or of all when domain is null, by full JID. */
    List<SessionInfo> sessions(String domain);

    /** Sessions of one account (bare JID). */
    List<SessionInfo> sessionsOf(String userJid);

    /** Ends every session of an account (bare JID) or one resource (full JID); returns how many ended. */
    int kick(String jid);

    /** Ends one resource (full JID); false when it has no session. */
    boolean kickResource(String fullJid);
}
