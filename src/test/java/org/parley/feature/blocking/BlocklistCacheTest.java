package org.parley.feature.blocking;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocklistCacheTest {
    private final List<String> loads = new ArrayList<>();
    private final Map<String, List<String>> db = Map.of("juliet@capulet.com", List.of("romeo@montague.net"));
    private final BlocklistCache cache = new BlocklistCache(k -> {
        loads.add(k);
        return db.getOrDefault(k, List.of());
    }, jid -> !jid.getNode().equals("ghost"), 2);

    private static final JID JULIET = new JID("juliet@capulet.com");

    @Test
    void loadsOncePerAccount() {
        assertTrue(cache.get(JULIET).blocks(new JID("romeo@montague.net/x")));
        cache.get(JULIET);
        assertEquals(List.of("juliet@capulet.com"), loads);
    }

    @Test
    void unknownAccountsAreNeitherLoadedNorCached() {
        assertSame(Blocklist.EMPTY, cache.get(new JID("ghost@capulet.com")));
        assertTrue(loads.isEmpty());
    }

    @Test
    void offlineListsAreEvictedOneByOneButPinnedOnesStay() {
        cache.pin(JULIET);
        cache.get(new JID("a@capulet.com"));
        cache.get(new JID("b@capulet.com"));
        cache.get(new JID("c@capulet.com")); // one of a, b, c goes
        assertEquals(2, cache.offlineSize());
        loads.clear();
        cache.get(JULIET);
        assertTrue(loads.isEmpty(), "pinned lists are never evicted");
        long kept = List.of("a", "b", "c").stream().filter(n -> cache.isCached(n + "@capulet.com")).count();
        assertEquals(2, kept, "a single list was evicted");
    }

    @Test
    void modifyReplacesTheCachedListAndNullKeepsIt() {
        cache.pin(JULIET);
        Blocklist before = cache.get(JULIET);
        cache.modify(JULIET, current -> null);
        assertSame(before, cache.get(JULIET));
        cache.modify(JULIET, current -> current.plus(List.of(new JID("tybalt@capulet.com"))));
        assertTrue(cache.get(JULIET).blocks(new JID("tybalt@capulet.com")));
        cache.unpin(JULIET);
        assertTrue(cache.get(JULIET).blocks(new JID("tybalt@capulet.com")));
        assertEquals(1, loads.size());
    }

    @Test
    void evictForgetsTheList() {
        cache.get(JULIET);
        cache.evict(JULIET);
        cache.get(JULIET);
        assertEquals(2, loads.size());
    }
}
