package org.parley.infrastructure.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredOwnersTest {

    @Test
    void untilLoadedEveryOwnerMayHaveRows() {
        StoredOwners owners = new StoredOwners(10);
        assertTrue(owners.mayHave("alice@example.org"));
        assertEquals("read", owners.read("alice@example.org", o -> "read", "none"));
    }

    @Test
    void loadedAndWrittenOwnersMayHaveRowsTheOthersNot() {
        StoredOwners owners = new StoredOwners(10);
        owners.writing("carol@example.org"); // a write racing the start is not lost
        owners.load(limit -> {
            assertEquals(11, limit, "asks for one more than the bound");
            return List.of("alice@example.org", "alice@example.org");
        });
        assertTrue(owners.mayHave("alice@example.org"));
        assertTrue(owners.mayHave("carol@example.org"));
        assertFalse(owners.mayHave("bob@example.org"));
        assertEquals("none", owners.read("bob@example.org", o -> "read", "none"));
        owners.writing("bob@example.org");
        assertTrue(owners.mayHave("bob@example.org"));
    }

    @Test
    void moreOwnersThanTheBoundTurnTheIndexOff() {
        StoredOwners loaded = new StoredOwners(2);
        loaded.load(limit -> List.of("a@x", "b@x", "c@x"));
        assertTrue(loaded.mayHave("d@x"));

        StoredOwners written = new StoredOwners(2);
        written.load(limit -> List.of());
        written.writing("a@x");
        written.writing("b@x");
        assertFalse(written.mayHave("c@x"));
        written.writing("c@x");
        assertTrue(written.mayHave("d@x"), "too many to remember: every owner is asked for");
    }
}
