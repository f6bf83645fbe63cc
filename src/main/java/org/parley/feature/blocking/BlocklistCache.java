package org.parley.feature.blocking;

import org.xmpp.packet.JID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Blocklists in memory, so the routing hooks never hit the database per stanza. Lists of online accounts
 * are pinned; lists read for offline accounts (e.g. a message to be stored offline) sit in a bounded Caffeine
 * cache (per-entry eviction, no global lock on the routing path; eviction runs on the calling thread).
 * Loads and writes of one account are serialised by a striped lock so a load can never overwrite a newer
 * write with a stale list.
 */
final class BlocklistCache {
    private static final int STRIPES = 64;

    private final Function<String, List<String>> loader;
    private final Predicate<JID> accountExists;
    private final Map<String, Blocklist> online = new ConcurrentHashMap<>();
    private final Cache<String, Blocklist> offlineCache;
    private final Map<String, Blocklist> offline;
    private final Object[] locks = new Object[STRIPES];

    /**
     * @param loader        the stored JIDs of a bare JID (database)
     * @param accountExists lists of unknown accounts are not loaded (nor cached): they are empty
     * @param offlineMax    how many lists of offline accounts to keep
     */
    BlocklistCache(Function<String, List<String>> loader, Predicate<JID> accountExists, int offlineMax) {
        this.loader = loader;
        this.accountExists = accountExists;
        this.offlineCache = Caffeine.newBuilder().maximumSize(offlineMax).executor(Runnable::run).build();
        this.offline = offlineCache.asMap();
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    private Object lock(String key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }

    /** The list of a local account (bare JID); empty for accounts that do not exist. */
    Blocklist get(JID account) {
        String key = account.toBareJID();
        Blocklist b = cached(key);
        if (b != null) {
            return b;
        }
        if (!accountExists.test(account.asBareJID())) {
            return Blocklist.EMPTY;
        }
        synchronized (lock(key)) {
            b = cached(key);
            if (b == null) {
                b = Blocklist.parse(loader.apply(key));
                offline.put(key, b);
            }
            return b;
        }
    }

    private Blocklist cached(String key) {
        Blocklist b = online.get(key);
        return b != null ? b : offline.get(key);
    }

    /** Keeps the account's list in memory while it has sessions. */
    void pin(JID account) {
        String key = account.toBareJID();
        synchronized (lock(key)) {
            if (online.containsKey(key)) {
                return;
            }
            Blocklist b = offline.remove(key);
            online.put(key, b != null ? b : Blocklist.parse(loader.apply(key)));
        }
    }

    /** The account's last session ended: its list may be evicted like any offline one. */
    void unpin(JID account) {
        String key = account.toBareJID();
        synchronized (lock(key)) {
            Blocklist b = online.remove(key);
            if (b != null) {
                offline.put(key, b);
            }
        }
    }

    /**
     * Runs a change of one account's list with the current list, serialised with every other load and
     * change of that account. The action writes the database and returns the new list (or null to keep
     * the old one, e.g. when it rejects the change); only then is the cache replaced.
     */
    Blocklist modify(JID account, Function<Blocklist, Blocklist> action) {
        String key = account.toBareJID();
        synchronized (lock(key)) {
            Blocklist current = cached(key);
            if (current == null) {
                current = Blocklist.parse(loader.apply(key));
            }
            Blocklist next = action.apply(current);
            if (next != null) {
                if (online.containsKey(key)) {
                    online.put(key, next);
                } else {
                    offline.put(key, next);
                }
            }
            return next;
        }
    }

    /** Whether the list of the bare JID is held now (no load). */
    boolean isCached(String bareJid) {
        return cached(bareJid) != null;
    }

    /** Lists of offline accounts held now (after pending evictions). */
    long offlineSize() {
        offlineCache.cleanUp();
        return offlineCache.estimatedSize();
    }

    void evict(JID account) {
        String key = account.toBareJID();
        synchronized (lock(key)) {
            online.remove(key);
            offline.remove(key);
        }
    }
}
