package org.parley.feature.roster;

import java.util.List;

/** Where rosters are kept (the database in the server, a map in unit tests). Owners are bare JID strings. */
public interface RosterStorage {

    record Loaded(long version, List<RosterEntry> entries) {
    }

    /** An owner without items nor version loads as version 0 and no items. */
    Loaded load(String owner);

    /** Up to {@code limit} owners that have items or a version, each once. */
    List<String> owners(int limit);

    /** Inserts or updates the owner's item for {@code entry.jid()}; returns the new roster version. */
    long save(String owner, RosterEntry entry);

    /** Deletes the owner's item for a contact; returns the new roster version. */
    long delete(String owner, String contact);

    /** Deletes the whole roster of an account (the account was removed). */
    void deleteAll(String owner);
}
