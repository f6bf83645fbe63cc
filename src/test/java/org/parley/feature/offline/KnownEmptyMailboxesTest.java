package org.parley.feature.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bound on accounts known to have an empty mailbox. */
class KnownEmptyMailboxesTest {

    @Test
    void aFullSetForgetsOneAccountNotAll() {
        OfflineMailbox box = new OfflineMailbox(null, new MemoryOfflineStore(), Clock.systemUTC(), 50);
        IntStream.range(0, 51).forEach(i -> box.markEmpty("user" + i + "@example.org"));
        assertEquals(50, box.knownEmptyCount());
        long kept = IntStream.range(0, 51).filter(i -> box.isKnownEmpty("user" + i + "@example.org")).count();
        assertEquals(50, kept, "clearing everything at the bound would keep 1 or 0");
        assertFalse(box.isKnownEmpty("other@example.org"));
    }
}
