package org.parley.xmpp.sasl;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Throttles failed logins per account and per IP; thread-safe, in memory, bounded memory.
 *
 * <p>Failures are counted per key in a window that starts with the first failure: per account <em>and</em> address
 * (guesses at one account from one address) and per address (guesses at any account from one address). When a key
 * reaches its maximum within the window it is locked out for the lockout duration (by default the window length)
 * counted from the failure that hit the limit; further failures while locked extend the lockout. A success clears
 * the account's counter at that address but not the address's, so an attacker holding one valid account cannot
 * reset the per-address counter between guesses against others.
 *
 * <p>The account counter is kept per address on purpose: counted per account alone, anybody could lock an account's
 * owner out by sending wrong passwords for it from anywhere. Guessing from many addresses at once is what the
 * per-address limit bounds.
 *
 * <p>Account names are compared case-insensitively (so "Alice" and "alice" share a counter); addresses are used
 * as given — callers should pass an IPv6 client's /64 prefix rather than the full address. Each table holds at
 * most a fixed number of entries: expired ones are purged first, then the least recently used are dropped.
 */
public final class AuthThrottle {

    /** Default maximum number of tracked keys per table (accounts, addresses). */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final long windowMillis;
    private final long lockoutMillis;
    private final int maxEntries;
    private final Clock clock;

    private final Table accounts;
    private final Table addresses;

    public AuthThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
        this(maxFailuresPerAccount, maxFailuresPerAddress, window, window);
    }

    public AuthThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window, Duration lockout) {
        this(maxFailuresPerAccount, maxFailuresPerAddress, window, lockout, DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    /** For tests: injectable clock and table size. */
    AuthThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window, Duration lockout,
                 int maxEntries, Clock clock) {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("maximum failures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("window and lockout must be positive");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.windowMillis = window.toMillis();
        this.lockoutMillis = lockout.toMillis();
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accounts = new Table(maxFailuresPerAccount);
        this.addresses = new Table(maxFailuresPerAddress);
    }

    /**
     * Whether a login attempt may proceed; false → caller answers {@code <failure><temporary-auth-failure/>}.
     * Either argument may be null when not known (e.g. before the client has named an account).
     */
    public boolean allowed(String username, String address) {
        long now = clock.millis();
        // evaluate both so that neither answer depends on the other's lookup
        boolean accountOk = username == null || !accounts.locked(accountKey(username, address), now);
        boolean addressOk = address == null || !addresses.locked(address, now);
        return accountOk && addressOk;
    }

    /** Records a failed attempt (not-authorized) for the account and the address. */
    public void failed(String username, String address) {
        long now = clock.millis();
        if (username != null) {
            accounts.failure(accountKey(username, address), now);
        }
        if (address != null) {
            addresses.failure(address, now);
        }
    }

    /** Records a successful login: clears the account's failures at this address (the address's stay). */
    public void succeeded(String username, String address) {
        if (username != null) {
            accounts.clear(accountKey(username, address));
        }
    }

    /** The account (case-insensitive) at one address; '\n' occurs in neither. */
    private static String accountKey(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + '\n' + (address == null ? "" : address);
    }

    /** Number of tracked keys, for tests. */
    int size() {
        return accounts.size() + addresses.size();
    }

    private static final class Entry {
        long windowStart;
        int failures;
        long lockedUntil; // 0 = not locked
    }

    private final class Table {
        private final int maxFailures;
        private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(16, 0.75f, true);

        Table(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        synchronized boolean locked(String key, long now) {
            Entry e = map.get(key);
            if (e == null) {
                return false;
            }
            if (expired(e, now)) {
                map.remove(key);
                return false;
            }
            return e.lockedUntil > now;
        }

        synchronized void failure(String key, long now) {
            Entry e = map.get(key);
            if (e == null || (e.lockedUntil <= now && now - e.windowStart >= windowMillis)) {
                if (e == null) {
                    makeRoom(now);
                    e = new Entry();
                    map.put(key, e);
                }
                e.windowStart = now;
                e.failures = 0;
                e.lockedUntil = 0;
            }
            if (e.failures < Integer.MAX_VALUE) {
                e.failures++;
            }
            if (e.failures >= maxFailures) {
                e.lockedUntil = now + lockoutMillis;
            }
        }

        synchronized void clear(String key) {
            map.remove(key);
        }

        synchronized int size() {
            return map.size();
        }

        /** Neither locked nor inside its counting window any more. */
        private boolean expired(Entry e, long now) {
            return e.lockedUntil <= now && now - e.windowStart >= windowMillis;
        }

        /**
         * Called before adding a key. When full, purges expired entries and then, if that did not free at least a
         * tenth of the table, drops least recently used entries down to 90%: a full scan happens at most once
         * per maxEntries/10 insertions, so the cost stays amortised O(1) under a flood of new keys.
         */
        private void makeRoom(long now) {
            if (map.size() < maxEntries) {
                return;
            }
            map.values().removeIf(e -> expired(e, now));
            int target = maxEntries - Math.max(1, maxEntries / 10);
            Iterator<Map.Entry<String, Entry>> it = map.entrySet().iterator();
            while (map.size() > target && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
    }
}
