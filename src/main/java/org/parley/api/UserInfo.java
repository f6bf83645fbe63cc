package org.parley.api;

import java.io.Serializable;

/** An account: bare JID, flags and creation time (ISO-8601). */
public record UserInfo(String jid, boolean enabled, boolean admin, String created) implements Serializable {
}
