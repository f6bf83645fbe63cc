package org.parley.api;

import java.io.Serializable;
import java.util.List;

/** A roster item as the user's clients see it; subscription is none, to, from or both. */
public record RosterItemInfo(String jid, String name, List<String> groups, String subscription,
                             boolean askSubscribe) implements Serializable {
    public RosterItemInfo {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
