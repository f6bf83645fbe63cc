package org.parley.domain.apikey;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 6, 0);

    @Test
    void scopesParseAndLimitMethods() {
        assertEquals(ApiKeyScope.READ_ONLY, ApiKeyScope.parse("read-only").orElseThrow());
        assertEquals(ApiKeyScope.READ_ONLY, ApiKeyScope.parse("READ_ONLY").orElseThrow());
        assertEquals(ApiKeyScope.ADMIN, ApiKeyScope.parse(" Admin ").orElseThrow());
        assertTrue(ApiKeyScope.parse("root").isEmpty());
        assertTrue(ApiKeyScope.parse(null).isEmpty());
        assertTrue(ApiKeyScope.READ_ONLY.allows("GET") && ApiKeyScope.READ_ONLY.allows("HEAD"));
        assertFalse(ApiKeyScope.READ_ONLY.allows("POST") || ApiKeyScope.READ_ONLY.allows("DELETE"));
        assertTrue(ApiKeyScope.ADMIN.allows("POST") && ApiKeyScope.ADMIN.allows("DELETE"));
    }

    @Test
    void acceptsItsSecretUntilRevoked() {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(secret, "ci", ApiKeyScope.ADMIN, "admin@example.org", T0);
        assertTrue(key.accepts(secret));
        assertFalse(key.accepts(ApiKeySecret.generate()));
        key.revoke(T0.plusMinutes(5));
        key.revoke(T0.plusMinutes(9));
        assertFalse(key.accepts(secret));
        assertEquals(T0.plusMinutes(5), key.info().revokedAt(), "the first revocation counts");
        assertTrue(key.info().revoked());
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        ApiKey key = new ApiKey(ApiKeySecret.generate(), "ci", ApiKeyScope.READ_ONLY, "console", T0);
        assertNull(key.info().lastUsed());
        assertTrue(key.used(T0.plusSeconds(1)));
        assertFalse(key.used(T0.plusSeconds(30)));
        assertFalse(key.used(T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(1), key.info().lastUsed());
        assertTrue(key.used(T0.plusSeconds(61)));
        assertEquals(T0.plusSeconds(61), key.info().lastUsed());
    }

    @Test
    void infoShowsThePrefixButNoSecret() {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKeyInfo info = new ApiKey(secret, "ci", ApiKeyScope.READ_ONLY, "console", T0).info();
        assertEquals("pk_" + secret.publicId() + "_", info.prefix());
        assertTrue(secret.text().startsWith(info.prefix()));
        assertFalse(info.toString().contains(secret.secret()));
    }
}
