package org.parley.api;

import java.io.Serializable;

/** A bound session: full JID, its account, transport (tcp, bosh, websocket), since (ISO-8601). */
public record SessionInfo(String jid, String account, String transport, String address, String since,
                          int priority, boolean available, boolean secure) implements Serializable {
}
