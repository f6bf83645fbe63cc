package org.parley.xmpp.spi;

/** Session life-cycle events, called off the network threads. */
public interface SessionListener {
    default void bound(ClientSessionView session) {
    }

    /** The session sent its initial presence. */
    default void available(ClientSessionView session) {
    }

    /** The session ended (after the unavailable presence was broadcast). */
    default void closed(ClientSessionView session) {
    }
}
