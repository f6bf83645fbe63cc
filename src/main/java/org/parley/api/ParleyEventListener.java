package org.parley.api;

/**
 * Receives Parley's events in another deployment (see {@link EventSubscriptions}). Called in order on one
 * Parley thread, never on a network thread: return quickly (hand long work to your own executor).
 */
public interface ParleyEventListener {
    default void userOnline(UserOnline event) {
    }

    default void userOffline(UserOffline event) {
    }

    default void messageRouted(MessageRouted event) {
    }
}
