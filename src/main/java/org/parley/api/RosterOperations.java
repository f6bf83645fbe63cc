package org.parley.api;

import java.util.List;

/** Roster provisioning: changes are stored and pushed to the user's online clients. */
public interface RosterOperations {
    /** The items of an account (NOT_FOUND if there is no such account). */
    List<RosterItemInfo> rosterItems(String userJid);

    /** Adds or changes an item; subscription none/to/from/both, or null to keep it. */
    RosterItemInfo setRosterItem(String userJid, String contactJid, String name, List<String> groups,
                                 String subscription);

    /** Removes an item; false when the user has no such contact. */
    boolean removeRosterItem(String userJid, String contactJid);
}
