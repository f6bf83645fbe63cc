package org.parley.application;

import org.junit.jupiter.api.Test;
import org.parley.domain.account.Account;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachedAccountDirectoryTest {
    final List<Account> table = new ArrayList<>();
    final List<JID> loaded = new ArrayList<>();
    final CachedAccountDirectory directory = new CachedAccountDirectory(jid -> {
        loaded.add(jid);
        return table.stream().filter(a -> a.jid().equals(jid.toBareJID())).findFirst();
    }, (jid, token) -> false);

    Account account(String username, boolean enabled) {
        Account a = new Account("example.org", username);
        a.setPassword("secret-" + username, 1);
        a.setEnabled(enabled);
        table.add(a);
        return a;
    }

    /** Pages of two, after the last account read. */
    List<Account> page(Account last) {
        int from = last == null ? 0 : table.indexOf(last) + 1;
        return List.copyOf(table.subList(Math.min(from, table.size()), Math.min(from + 2, table.size())));
    }

    @Test
    void preloadedAccountsAreAnsweredWithoutAQuery() {
        account("alice", true);
        account("bob", false);
        account("carol", true);
        assertEquals(3, directory.preload(100, this::page));
        assertTrue(directory.isEnabled(new JID("Alice@example.org")));
        assertFalse(directory.isEnabled(new JID("bob@example.org")));
        assertTrue(directory.credentials("example.org").scramCredential("carol", ScramAlgorithm.SHA_1).isPresent());
        assertEquals(List.of(), loaded);
        assertFalse(directory.exists(new JID("dave@example.org")));
        assertEquals(List.of(new JID("dave@example.org")), loaded, "unknown accounts are still asked for");
    }

    @Test
    void thePreloadStopsAtItsBound() {
        account("alice", true);
        account("bob", true);
        account("carol", true);
        assertEquals(2, directory.preload(2, this::page));
        assertTrue(directory.isEnabled(new JID("carol@example.org")));
        assertEquals(List.of(new JID("carol@example.org")), loaded);
    }

    @Test
    void anAccountChangedDuringThePreloadIsNotCachedFromItsOlderPage() {
        Account alice = account("alice", true);
        account("bob", true);
        assertEquals(2, directory.preload(100, last -> {
            List<Account> page = page(last);
            if (last == null) {
                // the page was read, then the account was disabled (and the cache told) before it was cached
                alice.setEnabled(false);
                directory.invalidate(new JID("alice@example.org"));
            }
            return page.stream().map(a -> a == alice ? copyEnabled(a) : a).toList();
        }));
        assertFalse(directory.isEnabled(new JID("alice@example.org")));
        assertEquals(List.of(new JID("alice@example.org")), loaded);
    }

    @Test
    void anAccountLoadedMeanwhileIsNotReplaced() {
        account("alice", true);
        assertTrue(directory.isEnabled(new JID("alice@example.org")));
        Optional<Account> stale = Optional.of(copyEnabled(table.get(0)));
        table.get(0).setEnabled(false);
        directory.invalidate(new JID("alice@example.org"));
        assertFalse(directory.isEnabled(new JID("alice@example.org")));
        directory.preload(100, last -> last == null ? List.of(stale.get()) : List.of());
        assertFalse(directory.isEnabled(new JID("alice@example.org")), "the cached entry stays");
    }

    @Test
    void aFullCacheEvictsOneEntryNotAll() {
        CachedAccountDirectory small = new CachedAccountDirectory(jid -> {
            loaded.add(jid);
            return table.stream().filter(a -> a.jid().equals(jid.toBareJID())).findFirst();
        }, (jid, token) -> false, 100);
        for (int i = 0; i < 101; i++) {
            account("user" + i, true);
            assertTrue(small.isEnabled(new JID("user" + i + "@example.org")));
        }
        assertEquals(100, small.size(), "the 101st account evicts a single entry");
        long kept = java.util.stream.IntStream.range(0, 101)
                .filter(i -> small.isCached(new JID("user" + i + "@example.org"))).count();
        assertEquals(100, kept, "a clear-all cache would keep 1 or 0");
    }

    @Test
    void anInvalidatedAccountIsLoadedAgain() {
        Account alice = account("alice", true);
        assertTrue(directory.isEnabled(new JID("alice@example.org")));
        alice.setEnabled(false);
        assertTrue(directory.isEnabled(new JID("alice@example.org")), "cached until invalidated");
        directory.invalidate(new JID("Alice@example.org"));
        assertFalse(directory.isEnabled(new JID("alice@example.org")));
        assertEquals(2, loaded.size());
    }

    @Test
    void aLoadThatOverlapsAnInvalidationIsNotKeptCached() {
        Account alice = account("alice", true);
        JID jid = new JID("alice@example.org");
        CachedAccountDirectory[] self = new CachedAccountDirectory[1];
        CachedAccountDirectory racing = new CachedAccountDirectory(j -> {
            loaded.add(j);
            Optional<Account> read = Optional.of(copyEnabled(alice)); // the row as read before the change
            if (loaded.size() == 1) {
                alice.setEnabled(false); // the change commits, and invalidates, while the read is on its way
                self[0].invalidate(j);
            }
            return read;
        }, (j, token) -> false, 100);
        self[0] = racing;
        assertTrue(racing.isEnabled(jid), "this lookup answers with what it read");
        assertFalse(racing.isCached(jid), "but does not keep the stale entry");
    }

    /** The account as a page read before a change would have it (enabled). */
    private static Account copyEnabled(Account a) {
        Account old = new Account(a.getDomain(), a.getUsername());
        old.setPassword("x", 1);
        old.setEnabled(true);
        return old;
    }
}
