package org.parley.application.weblogin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTokensTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aTokenLogsInOnceForItsAccountOnly() {
        LoginTokens tokens = new LoginTokens(10, clock);
        LoginTokens.Issued t = tokens.issue("alice@example.org", Duration.ofMinutes(2));
        assertEquals(32, t.token().length(), "192 random bits, base64url");
        assertFalse(tokens.consume("bob@example.org", t.token()), "another account's token");
        assertTrue(tokens.consume("alice@example.org", t.token()));
        assertFalse(tokens.consume("alice@example.org", t.token()), "single use");
    }

    @Test
    void expiredForgedAndDistinctTokens() {
        LoginTokens tokens = new LoginTokens(10, clock);
        LoginTokens.Issued a = tokens.issue("alice@example.org", Duration.ofSeconds(120));
        LoginTokens.Issued b = tokens.issue("alice@example.org", Duration.ofSeconds(120));
        assertNotEquals(a.token(), b.token());
        now.set(now.get().plusSeconds(121));
        assertFalse(tokens.consume("alice@example.org", a.token()), "expired");
        assertFalse(tokens.consume("alice@example.org", "A".repeat(32)), "forged");
        assertFalse(tokens.consume("alice@example.org", null));
    }

    @Test
    void theNumberOfUnusedTokensIsBounded() {
        LoginTokens tokens = new LoginTokens(2, clock);
        tokens.issue("a@x", Duration.ofSeconds(10));
        tokens.issue("b@x", Duration.ofSeconds(10));
        assertThrows(IllegalStateException.class, () -> tokens.issue("c@x", Duration.ofSeconds(10)));
        now.set(now.get().plusSeconds(11));
        tokens.issue("c@x", Duration.ofSeconds(10)); // expired ones were purged
        assertEquals(1, tokens.size());
    }
}
