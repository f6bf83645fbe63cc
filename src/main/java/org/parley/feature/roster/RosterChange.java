package org.parley.feature.roster;

import org.xmpp.packet.JID;

import java.util.Objects;

/**
 * The outcome of one roster update: the item before and after (null when absent) and the roster version
 * after the update.
 */
public record RosterChange(JID owner, RosterEntry before, RosterEntry after, long version) {

    public boolean changed() {
        return !Objects.equals(before, after);
    }

    /** The item as the user's clients see it before, or null if it was absent or hidden. */
    public RosterEntry visibleBefore() {
        return before == null || before.hidden() ? null : before;
    }

    /** The item as the user's clients see it after, or null if it is absent or hidden. */
    public RosterEntry visibleAfter() {
        return after == null || after.hidden() ? null : after;
    }

    /** True when the 'from' subscription (the contact receives the user's presence) was just lost. */
    public boolean lostFrom() {
        return before != null && before.subscription().hasFrom()
                && (after == null || !after.subscription().hasFrom());
    }

    /** True when the 'from' subscription was just granted. */
    public boolean gainedFrom() {
        return after != null && after.subscription().hasFrom()
                && (before == null || !before.subscription().hasFrom());
    }
}
