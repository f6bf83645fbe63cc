package org.parley.application;

import org.parley.feature.announce.AnnounceSettings;
import jakarta.transaction.Status;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.spi.HostSettings;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostChangesTest {
    static HostSettings settings(String motd) {
        return HostSettings.defaults("example.org").with(AnnounceSettings.MOTD, motd);
    }

    final List<String> log = new ArrayList<>();
    final AccountChangesTest.Registry registry = new AccountChangesTest.Registry();
    final HostChanges changes = new HostChanges(registry, s -> log.add("put " + s.get(AnnounceSettings.MOTD)), d -> log.add("remove " + d));

    @Test
    void aCommittedChangeStays() {
        changes.changed("example.org", settings("old"), settings("new"));
        registry.end(Status.STATUS_COMMITTED);
        assertEquals(List.of("put new"), log);
    }

    @Test
    void aRolledBackChangeIsTakenBack() {
        changes.changed("example.org", settings("old"), settings("new"));
        registry.end(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of("put new", "put old"), log);
    }

    @Test
    void aRolledBackAdditionIsRemovedAndARolledBackRemovalRestored() {
        changes.changed("example.org", null, settings("new"));
        registry.end(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of("put new", "remove example.org"), log);
        log.clear();
        AccountChangesTest.Registry second = new AccountChangesTest.Registry();
        new HostChanges(second, s -> log.add("put " + s.get(AnnounceSettings.MOTD)), d -> log.add("remove " + d))
                .changed("example.org", settings("old"), null);
        second.end(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of("remove example.org", "put old"), log);
    }
}
