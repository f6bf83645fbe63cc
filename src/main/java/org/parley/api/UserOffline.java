package org.parley.api;

import java.io.Serializable;
import java.time.Instant;

/** A bound client session ended. */
public record UserOffline(String jid, String account, String transport, Instant at) implements Serializable {
}
