package org.parley.application.weblogin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacTokensTest {
    private static final byte[] SECRET = "shared-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static HmacTokens at(long epochSecond) {
        return new HmacTokens(SECRET, SEED, 16, 1, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void totpMatchesTheRfc6238TestVectors() {
        // RFC 6238 Appendix B, SHA-1 seed "12345678901234567890", last 6 digits
        assertEquals("287082", HmacTokens.totp(SEED, 59 / 30));
        assertEquals("081804", HmacTokens.totp(SEED, 1111111109L / 30));
        assertEquals("050471", HmacTokens.totp(SEED, 1111111111L / 30));
    }

    @Test
    void aMintedTokenIsAcceptedOnceForItsJid() {
        HmacTokens host = at(1_700_000_000L);
        HmacTokens server = at(1_700_000_000L);
        String password = host.mint("alice@example.org", "0123456789abcdef");
        assertFalse(server.verify("bob@example.org", password), "bound to the JID");
        assertTrue(server.verify("alice@example.org", password));
        assertFalse(server.verify("alice@example.org", password), "the nonce is remembered");
    }

    @Test
    void clockSkewWithinTheWindowOnlyAndNoForgery() {
        String password = at(1_700_000_000L).mint("alice@example.org", "fedcba9876543210");
        assertTrue(at(1_700_000_000L + 30).verify("alice@example.org", password), "one step later");
        assertFalse(at(1_700_000_000L + 120).verify("alice@example.org", password), "four steps later");
        String forged = password.substring(0, password.length() - 4) + "AAA=";
        assertFalse(at(1_700_000_000L).verify("alice@example.org", forged));
        String otherSecret = new HmacTokens("other".getBytes(StandardCharsets.UTF_8), SEED, 16, 1,
                Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC)).mint("alice@example.org", "0000000000000000");
        assertFalse(at(1_700_000_000L).verify("alice@example.org", otherSecret));
        assertFalse(at(1_700_000_000L).verify("alice@example.org", "short"));
    }
}
