package org.parley.xmpp.sasl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();

    private AuthThrottle throttle(int perAccount, int perAddress, Duration window, Duration lockout) {
        return new AuthThrottle(perAccount, perAddress, window, lockout, 1000, clock);
    }

    @Test
    void accountLockoutAfterMaxFailures() {
        AuthThrottle t = throttle(3, 100, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (int i = 0; i < 2; i++) {
            assertTrue(t.allowed("juliet", "10.0.0.1"));
            t.failed("juliet", "10.0.0.1");
        }
        assertTrue(t.allowed("juliet", "10.0.0.1"));
        t.failed("JULIET", "10.0.0.1");
        // locked at that address, whatever the case of the name; other accounts there unaffected
        assertFalse(t.allowed("juliet", "10.0.0.1"));
        assertFalse(t.allowed("Juliet", "10.0.0.1"));
        assertTrue(t.allowed("romeo", "10.0.0.1"));
        assertTrue(t.allowed(null, "10.0.0.1"));
    }

    /** Wrong passwords sent from one address must not lock the owner out at another (a lockout attack). */
    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutElsewhere() {
        AuthThrottle t = throttle(3, 100, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            t.failed("juliet", "203.0.113.66");
        }
        assertFalse(t.allowed("juliet", "203.0.113.66"), "the attacker's address is locked for the account");
        assertTrue(t.allowed("juliet", "198.51.100.7"), "the owner at her own address is not");
        t.succeeded("juliet", "198.51.100.7");
        assertFalse(t.allowed("juliet", "203.0.113.66"), "her success does not unlock the attacker");
    }

    @Test
    void failuresSpreadOverAddressesAreBoundedPerAddress() {
        AuthThrottle t = throttle(100, 3, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            t.failed("juliet", "10.0.0.1");
            t.failed("romeo", "10.0.0.2");
        }
        assertFalse(t.allowed("juliet", "10.0.0.1"));
        assertFalse(t.allowed("nurse", "10.0.0.2"));
        assertTrue(t.allowed("juliet", "10.0.0.3"));
    }

    @Test
    void addressLockoutAcrossAccounts() {
        AuthThrottle t = throttle(100, 5, Duration.ofMinutes(10), Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            t.failed("user" + i, "192.0.2.1");
        }
        assertFalse(t.allowed("fresh", "192.0.2.1"));
        assertFalse(t.allowed(null, "192.0.2.1"));
        assertTrue(t.allowed("fresh", "192.0.2.2"));
    }

    @Test
    void lockoutExpires() {
        AuthThrottle t = throttle(2, 100, Duration.ofMinutes(1), Duration.ofMinutes(15));
        t.failed("juliet", "a");
        t.failed("juliet", "a");
        assertFalse(t.allowed("juliet", "a"));
        clock.advance(Duration.ofMinutes(14));
        assertFalse(t.allowed("juliet", "a"), "still locked though the counting window has passed");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(t.allowed("juliet", "a"));
        // counting starts afresh
        t.failed("juliet", "a");
        assertTrue(t.allowed("juliet", "a"));
    }

    @Test
    void failuresOutsideTheWindowDoNotAccumulate() {
        AuthThrottle t = new AuthThrottle(3, 3, Duration.ofMinutes(5), Duration.ofMinutes(5),
                AuthThrottle.DEFAULT_MAX_ENTRIES, clock);
        for (int i = 0; i < 10; i++) {
            t.failed("juliet", "a");
            t.failed("juliet", "a");
            assertTrue(t.allowed("juliet", "a"));
            clock.advance(Duration.ofMinutes(5));
        }
        t.failed("juliet", "a");
        t.failed("juliet", "a");
        clock.advance(Duration.ofMinutes(4));
        t.failed("juliet", "a");
        assertFalse(t.allowed("juliet", "a"));
    }

    @Test
    void threeArgumentConstructorLocksForOneWindow() {
        AuthThrottle t = new AuthThrottle(1, 10, Duration.ofSeconds(30));
        t.failed("juliet", "a");
        assertFalse(t.allowed("juliet", "a"));
        assertTrue(t.allowed("romeo", "a"));
    }

    @Test
    void successClearsAccountButNotAddress() {
        AuthThrottle t = throttle(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(10));
        t.failed("juliet", "a");
        t.failed("juliet", "a");
        t.succeeded("juliet", "a");
        t.failed("juliet", "a");
        t.failed("juliet", "a");
        assertTrue(t.allowed("juliet", "a"), "account counter was reset by the success");
        t.failed("other", "a");
        assertFalse(t.allowed("someone", "a"), "address counter was not reset");
    }

    @Test
    void memoryIsBounded() {
        AuthThrottle t = new AuthThrottle(3, 1_000_000, Duration.ofHours(1), Duration.ofHours(1), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            t.failed("user" + i, "addr" + i);
        }
        assertTrue(t.size() <= 200, "size " + t.size());
        // recent entries survive
        t.failed("user9999", "addr9999");
        t.failed("user9999", "addr9999");
        assertFalse(t.allowed("user9999", "addr9999"));
    }

    @Test
    void expiredEntriesArePurgedFirst() {
        AuthThrottle t = new AuthThrottle(2, 1000, Duration.ofMinutes(1), Duration.ofMinutes(10), 10, clock);
        t.failed("locked", null);
        t.failed("locked", null);
        for (int i = 0; i < 9; i++) {
            t.failed("old" + i, null);
        }
        clock.advance(Duration.ofMinutes(2));
        t.failed("new", null); // table full: the expired "old" entries go, the locked one stays
        assertFalse(t.allowed("locked", null));
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new AuthThrottle(0, 1, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new AuthThrottle(1, 0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new AuthThrottle(1, 1, Duration.ZERO));
    }

    @Test
    void concurrentUse() throws Exception {
        AuthThrottle t = new AuthThrottle(1_000_000, 1_000_000, Duration.ofMinutes(1), Duration.ofMinutes(1), 500,
                Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                int id = n;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String u = "u" + (i % 700) + "-" + id;
                        t.allowed(u, "a" + (i % 50));
                        t.failed(u, "a" + (i % 50));
                        if (i % 7 == 0) {
                            t.succeeded(u, "a");
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(t.size() <= 1000);
    }
}
