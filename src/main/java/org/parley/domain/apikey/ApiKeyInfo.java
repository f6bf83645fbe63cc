package org.parley.domain.apikey;

import java.time.LocalDateTime;

/** What may be shown about a key (never its secret or hash). Times are UTC. */
public record ApiKeyInfo(String id, String name, ApiKeyScope scope, String creator, LocalDateTime created,
                         LocalDateTime lastUsed, LocalDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The start of the key's text, safe to display: pk_<id>_ */
    public String prefix() {
        return ApiKeySecret.PREFIX + id + "_";
    }
}
