package org.parley.feature.offline;

import java.time.LocalDateTime;
import java.util.List;

/** Where offline messages are kept (the database in the server, a list in unit tests). */
public interface OfflineStore {

    /** A stored message: its stanza XML and when it was stored (UTC). */
    record Stored(long id, String xml, LocalDateTime storedAt) {
    }

    long count(String owner);

    /** Up to {@code limit} owners that have stored messages, each once. */
    List<String> owners(int limit);

    /** Stores one message; returns when this call returns (committed). */
    void add(String owner, String xml, LocalDateTime storedAt);

    /** The owner's messages, oldest first. */
    List<Stored> list(String owner);

    void delete(List<Long> ids);

    void deleteAll(String owner);
}
