package org.parley.api;

/** Messages handed to the router like a client's stanza (offline storage, privacy, carbons apply). */
public interface MessageOperations {
    /**
     * Routes a message and returns its id. {@code from} and {@code to} are JIDs of served domains, type is
     * chat, normal or headline (null: chat), body at most 65,536 characters.
     */
    String sendMessage(String from, String to, String type, String subject, String body);
}
