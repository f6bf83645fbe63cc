package org.parley.xmpp.spi;

/** Points of a stanza's path where modules hook in (see ARCHITECTURE.md). */
public enum HookPoint {
    /** Any stanza a local session sends, after 'from' is stamped, before routing (e.g. blocking). */
    OUTBOUND,
    /** Presence a local session sends without 'to': broadcast and initial presence. */
    PRESENCE_BROADCAST,
    /** Presence addressed to a local user (bare or full JID), from anyone: subscriptions, probes, directed. */
    PRESENCE_INBOUND,
    /** Message or IQ addressed to a local user, before delivery (e.g. blocking drops). */
    INBOUND,
    /** Message to a local user that has no available resource (offline storage). */
    MESSAGE_OFFLINE,
    /** Message to a server domain itself (no node). */
    MESSAGE_TO_HOST,
    /**
     * A message the router just handed to local session(s). Observation only: the return value is ignored and
     * a failing hook changes nothing. Runs on the routing path, so hooks must not block (hand work off).
     */
    MESSAGE_DELIVERED
}
