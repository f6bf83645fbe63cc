package org.parley.feature.roster;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RostersTest {
    static final JID ALICE = new JID("alice@example.org");
    static final JID BOB = new JID("bob@example.org");

    MemoryRosterStorage storage;
    Rosters rosters;
    Set<JID> online;

    @BeforeEach
    void setUp() {
        storage = new MemoryRosterStorage();
        rosters = new Rosters(storage);
        online = new HashSet<>();
        rosters.cacheWhile(online::contains);
    }

    @Test
    void everyStoredChangeRaisesTheVersion() {
        long v0 = rosters.get(ALICE).version();
        RosterChange add = rosters.update(ALICE, BOB, e -> RosterEntry.of(BOB).withDetails("Bob", List.of("Friends")));
        assertTrue(add.changed());
        assertTrue(add.version() > v0);
        RosterChange same = rosters.update(ALICE, BOB, e -> e.withDetails("Bob", List.of("Friends")));
        assertFalse(same.changed());
        assertEquals(add.version(), same.version(), "no change, no new version");
        RosterChange rename = rosters.update(ALICE, BOB, e -> e.withDetails("Robert", List.of()));
        assertTrue(rename.version() > add.version());
        assertEquals("Robert", storage.stored("alice@example.org", "bob@example.org").name());
    }

    /**
     * Pushes go out under the owner's lock, in the order the changes were stored: a second change of the
     * same roster waits until the first change's listener returned (otherwise a client could receive the
     * newer state first and end on the older one).
     */
    @Test
    void theChangeListenerRunsUnderTheOwnersLock() throws Exception {
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Thread.State> racer = new java.util.concurrent.atomic.AtomicReference<>();
        rosters.onChange(change -> {
            if (!seen.isEmpty()) {
                seen.add(change.version());
                return;
            }
            seen.add(change.version());
            Thread t = new Thread(() -> rosters.update(ALICE, BOB, e -> e.withDetails("Robert", List.of())));
            t.start();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (t.getState() != Thread.State.BLOCKED && t.getState() != Thread.State.TERMINATED
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            racer.set(t.getState());
        });
        rosters.update(ALICE, BOB, e -> RosterEntry.of(BOB).withDetails("Bob", List.of()));
        assertEquals(Thread.State.BLOCKED, racer.get(), "the racing change waits for the first listener");
        long deadline = System.currentTimeMillis() + 5000;
        while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, seen.size());
        assertTrue(seen.get(0) < seen.get(1), "listeners see versions in stored order: " + seen);
    }

    @Test
    void onlineRostersAreCachedUntilTheLastSessionEnds() {
        online.add(ALICE);
        rosters.open(ALICE);
        int loads = storage.loads.get();
        Roster r = rosters.get(ALICE);
        assertSame(r, rosters.get(new JID("alice@example.org/phone")));
        rosters.update(ALICE, BOB, e -> RosterEntry.of(BOB));
        assertEquals(loads, storage.loads.get(), "no reads while cached");
        assertEquals(BOB, rosters.get(ALICE).get(BOB).jid());

        rosters.close(ALICE); // another session is still bound
        assertTrue(rosters.isCached(ALICE));
        online.remove(ALICE);
        rosters.close(ALICE);
        assertFalse(rosters.isCached(ALICE));
    }

    @Test
    void aReconnectReusesTheRosterOfTheLastSessionWithChangesMadeWhileOffline() {
        online.add(ALICE);
        rosters.open(ALICE);
        online.remove(ALICE);
        rosters.close(ALICE);
        int loads = storage.loads.get();
        rosters.update(ALICE, BOB, e -> RosterEntry.of(BOB).withDetails("Bob", List.of()));
        online.add(ALICE);
        rosters.open(ALICE);
        assertEquals(loads, storage.loads.get(), "no database read for the change or the reconnect");
        assertEquals("Bob", rosters.get(ALICE).get(BOB).name());
        assertEquals(storage.stored("alice@example.org", "bob@example.org"), rosters.get(ALICE).get(BOB));
    }

    @Test
    void recentRostersAreBoundedAndForgottenWithTheAccount() {
        Rosters small = new Rosters(storage, 1);
        small.cacheWhile(online::contains);
        for (JID who : List.of(ALICE, BOB)) {
            online.add(who);
            small.open(who);
            online.remove(who);
            small.close(who);
        }
        int loads = storage.loads.get();
        small.open(BOB);
        assertEquals(loads, storage.loads.get(), "the most recent is kept");
        small.open(ALICE);
        assertEquals(loads + 1, storage.loads.get(), "the oldest was dropped");
        small.close(ALICE);
        small.deleteAll(ALICE);
        small.open(ALICE);
        assertEquals(loads + 2, storage.loads.get(), "a deleted account's roster is not kept");
    }

    @Test
    void offlineRostersAreReadButNotKept() {
        rosters.update(BOB, ALICE, e -> RosterEntry.requestFrom(ALICE)
                .withState(SubscriptionState.NONE.inbound(SubscriptionState.Action.SUBSCRIBE)));
        assertFalse(rosters.isCached(BOB));
        assertTrue(rosters.get(BOB).get(ALICE).state().pendingIn());
    }

    @Test
    void hiddenItemsWithNothingLeftAreDeleted() {
        rosters.update(BOB, ALICE, e -> RosterEntry.requestFrom(ALICE)
                .withState(SubscriptionState.NONE.inbound(SubscriptionState.Action.SUBSCRIBE)).withPendingInStatus("hi"));
        assertEquals("hi", storage.stored("bob@example.org", "alice@example.org").pendingInStatus());
        RosterChange cancel = rosters.update(BOB, ALICE,
                e -> e.withState(e.state().inbound(SubscriptionState.Action.UNSUBSCRIBE)));
        assertTrue(cancel.changed());
        assertNull(cancel.after());
        assertNull(storage.stored("bob@example.org", "alice@example.org"));
        assertNull(cancel.visibleBefore(), "the user never saw it: no push");
    }

    @Test
    void visibleRosterLeavesOutHiddenRequests() {
        rosters.update(BOB, ALICE, e -> RosterEntry.requestFrom(ALICE)
                .withState(SubscriptionState.NONE.inbound(SubscriptionState.Action.SUBSCRIBE)));
        rosters.update(BOB, new JID("carol@example.org"), e -> RosterEntry.of(new JID("carol@example.org")));
        List<RosterEntry> visible = rosters.get(BOB).visible();
        assertEquals(1, visible.size());
        assertEquals("carol@example.org", visible.get(0).jid().toString());
        assertEquals(2, rosters.get(BOB).entries().size());
    }

    @Test
    void groupsSurviveTheColumnRoundTrip() {
        List<String> groups = List.of("Friends", "Work, and more", "a|b");
        assertEquals(groups, RosterItem.splitGroups(RosterItem.joinGroups(groups)));
        assertEquals(List.of(), RosterItem.splitGroups(RosterItem.joinGroups(List.of())));
    }

    @Test
    void deleteAllForgetsEverything() {
        online.add(ALICE);
        rosters.open(ALICE);
        rosters.update(ALICE, BOB, e -> RosterEntry.of(BOB));
        rosters.deleteAll(ALICE);
        assertFalse(rosters.isCached(ALICE));
        assertTrue(rosters.get(ALICE).entries().isEmpty());
    }

    @Test
    void onceTheOwnersAreKnownOnlyStoredRostersAreRead() {
        JID carol = new JID("carol@example.org");
        rosters.update(ALICE, BOB, e -> RosterEntry.of(BOB).withDetails("Bob", List.of()));
        Rosters restarted = new Rosters(storage);
        restarted.cacheWhile(online::contains);
        restarted.loadOwners();
        int loads = storage.loads.get();
        restarted.open(carol);
        assertEquals(loads, storage.loads.get(), "carol never stored a roster: no read");
        assertEquals(0, restarted.get(carol).version());
        assertTrue(restarted.get(carol).entries().isEmpty());
        restarted.open(ALICE);
        assertEquals(loads + 1, storage.loads.get());
        assertEquals("Bob", restarted.get(ALICE).get(BOB).name());
        restarted.update(BOB, ALICE, e -> RosterEntry.of(ALICE).withDetails("Alice", List.of()));
        assertEquals("Alice", restarted.get(BOB).get(ALICE).name(), "stored after the start: read again");
        assertTrue(storage.loads.get() > loads + 1);
    }

    @Test
    void reconnectChurnKeepsTheRecentRostersWithinTheirBound() {
        RecentRosters recent = new RecentRosters(2);
        Roster r = new Roster(ALICE, 1, List.of());
        for (int i = 0; i < 1000; i++) {
            recent.keep(ALICE, r);
            assertSame(r, recent.take(ALICE));
            recent.keep(new JID("user" + i + "@example.org"), r);
        }
        assertEquals(2, recent.size());
        assertNull(recent.peek(new JID("user0@example.org")), "the oldest went first");
        assertSame(r, recent.peek(new JID("user999@example.org")));
    }
}
