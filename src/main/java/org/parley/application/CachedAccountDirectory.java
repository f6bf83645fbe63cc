package org.parley.application;

import org.parley.domain.account.Account;
import org.parley.xmpp.core.AccountDirectory;
import org.parley.xmpp.sasl.CredentialStore;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;
import org.xmpp.packet.JID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Account facts for the login and routing paths, cached so a login or a message to an offline user costs
 * no database round trip after the first; {@link AccountService} invalidates on every change. At start the
 * cache is filled in pages ({@link #preload}), so the reconnect of every client after a restart does not
 * pay one query per account. The cache holds at most {@code parley.accounts.cache.max} accounts; beyond that
 * Caffeine evicts single entries it judges least useful, so the routing path keeps its hot accounts.
 */
final class CachedAccountDirectory implements AccountDirectory {
    record Snapshot(boolean enabled, boolean admin, ScramCredential sha1, ScramCredential sha256) {
    }

    static final int DEFAULT_MAX_ENTRIES = 200_000;
    private final int maxEntries;
    /** Eviction runs on the calling thread: no pool of the JDK's inside the container, and tests see it. */
    private final Cache<JID, Optional<Snapshot>> cache;
    /** Accounts changed while a preload runs: the page it read may be older than the change. */
    private final Set<JID> changedDuringPreload = ConcurrentHashMap.newKeySet();
    private volatile boolean preloading;
    /** Counts invalidations, so a load that overlapped one does not leave its possibly stale result cached. */
    private final AtomicLong invalidations = new AtomicLong();
    private final Function<JID, Optional<Account>> loader;
    private final BiPredicate<JID, String> webLogin;

    /** @param webLogin accepts web login tokens in place of a password (SASL PLAIN) */
    CachedAccountDirectory(Function<JID, Optional<Account>> loader, BiPredicate<JID, String> webLogin) {
        this(loader, webLogin, DEFAULT_MAX_ENTRIES);
    }

    /** @param maxEntries accounts (and known non-accounts) kept at most */
    CachedAccountDirectory(Function<JID, Optional<Account>> loader, BiPredicate<JID, String> webLogin,
                           int maxEntries) {
        this.loader = loader;
        this.webLogin = webLogin;
        this.maxEntries = maxEntries;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    }

    /** Whether the account's facts are held now (no load). */
    boolean isCached(JID bare) {
        return cache.getIfPresent(bare.asBareJID()) != null;
    }

    /** Entries held now (after pending evictions). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    void invalidate(JID bare) {
        invalidations.incrementAndGet(); // before the removal: see get
        if (preloading) {
            changedDuringPreload.add(bare.asBareJID());
        }
        cache.invalidate(bare.asBareJID());
    }

    /**
     * Caches up to {@code max} accounts, read page by page ({@code page} gets the last account read, null at
     * first, and returns the next ones; empty at the end). An account already cached, or changed since the
     * preload began, is left as it is. Returns how many accounts were read.
     */
    int preload(int max, Function<Account, List<Account>> page) {
        preloading = true;
        int n = 0;
        try {
            Account last = null;
            while (true) {
                List<Account> accounts = page.apply(last);
                if (accounts.isEmpty()) {
                    return n;
                }
                for (Account a : accounts) {
                    if (n >= Math.min(max, maxEntries)) {
                        return n;
                    }
                    // stored names were prepared when the account was created: no Stringprep again
                    JID key = new JID(a.getUsername(), a.getDomain(), null, true);
                    if (!changedDuringPreload.contains(key)) {
                        cache.asMap().putIfAbsent(key, Optional.of(snapshot(a)));
                    }
                    last = a;
                    n++;
                }
            }
        } finally {
            preloading = false;
            changedDuringPreload.clear();
        }
    }

    private static Snapshot snapshot(Account a) {
        return new Snapshot(a.isEnabled(), a.isAdmin(),
                a.credential(ScramAlgorithm.SHA_1), a.credential(ScramAlgorithm.SHA_256));
    }

    /**
     * Cached, or loaded and cached. The query runs outside any lock of the cache (Caffeine's computing get would
     * hold a map bin during it, and every login after a restart misses). A load that overlapped an invalidation
     * may have read the old row: it takes its entry out again, so a change is never hidden by a stale entry.
     */
    private Optional<Snapshot> get(JID bare) {
        JID key = bare.asBareJID();
        Optional<Snapshot> s = cache.getIfPresent(key);
        if (s == null) {
            long seen = invalidations.get();
            s = loader.apply(key).map(CachedAccountDirectory::snapshot);
            cache.put(key, s);
            if (invalidations.get() != seen) {
                cache.asMap().remove(key, s);
            }
        }
        return s;
    }

    @Override
    public boolean exists(JID bareJid) {
        return get(bareJid).isPresent();
    }

    @Override
    public boolean isEnabled(JID bareJid) {
        return get(bareJid).map(Snapshot::enabled).orElse(false);
    }

    @Override
    public boolean isAdmin(JID bareJid) {
        return get(bareJid).map(Snapshot::admin).orElse(false);
    }

    @Override
    public CredentialStore credentials(String domain) {
        return new CredentialStore() {
            @Override
            public Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg) {
                JID jid = jid(username);
                if (jid == null) {
                    return Optional.empty();
                }
                return get(jid).map(s -> alg == ScramAlgorithm.SHA_1 ? s.sha1() : s.sha256());
            }

            @Override
            public boolean verifyPlain(String username, String password) {
                JID jid = jid(username);
                if (jid != null && exists(jid) && webLogin.test(jid, password)) {
                    return true;
                }
                return CredentialStore.super.verifyPlain(username, password);
            }

            @Override
            public boolean isEnabled(String username) {
                JID jid = jid(username);
                return jid != null && CachedAccountDirectory.this.isEnabled(jid);
            }

            private JID jid(String username) {
                try {
                    return new JID(username, domain, null);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        };
    }
}
