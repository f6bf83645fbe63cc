package org.parley.api;

import java.io.Serializable;
import java.time.Instant;

/** The router delivered a message stanza to local session(s); type is chat, normal, headline... */
public record MessageRouted(String from, String to, String type, String id, Instant at) implements Serializable {
}
