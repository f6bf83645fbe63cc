package org.parley.api;

import java.io.Serializable;
import java.time.Instant;

/** A client session was bound: full JID, its account, transport (tcp, bosh, websocket). */
public record UserOnline(String jid, String account, String transport, Instant at) implements Serializable {
}
