package org.parley.xmpp.spi;

/** Which address an IQ handler answers for. */
public enum IqScope {
    /** to = a served domain (or no 'to' when no ACCOUNT handler claims the namespace). */
    HOST,
    /** to = a local user's bare JID, or no 'to' (RFC 6120 §10.3.3: the sender's own account). */
    ACCOUNT,
    /** Before authentication (XEP-0077 in-band registration). */
    PRE_AUTH
}
