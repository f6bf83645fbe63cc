package org.parley.domain.apikey;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeySecretTest {

    @Test
    void generatedKeysHave256RandomBitsAndParseBack() {
        ApiKeySecret k = ApiKeySecret.generate();
        assertTrue(k.text().startsWith("pk_" + k.publicId() + "_"), k.text());
        assertEquals(12, k.publicId().length());
        assertEquals(32, Base64.getUrlDecoder().decode(k.secret()).length);
        assertEquals(k, ApiKeySecret.parse(k.text()).orElseThrow());
        assertEquals(k, ApiKeySecret.parse("  " + k.text() + "\n").orElseThrow());
    }

    @Test
    void keysDiffer() {
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiKeySecret k = ApiKeySecret.generate();
            ids.add(k.publicId());
            secrets.add(k.secret());
        }
        assertEquals(200, ids.size());
        assertEquals(200, secrets.size());
    }

    @Test
    void malformedKeysDoNotParse() {
        String good = ApiKeySecret.generate().text();
        assertTrue(ApiKeySecret.parse(null).isEmpty());
        assertTrue(ApiKeySecret.parse("").isEmpty());
        assertTrue(ApiKeySecret.parse("garbage").isEmpty());
        assertTrue(ApiKeySecret.parse(good.substring(0, good.length() - 1)).isEmpty(), "secret too short");
        assertTrue(ApiKeySecret.parse(good + "x").isEmpty(), "secret too long");
        assertTrue(ApiKeySecret.parse("sk_" + good.substring(3)).isEmpty(), "wrong prefix");
        assertTrue(ApiKeySecret.parse(good.replace("pk_", "pk_A")).isEmpty(), "upper case id");
        assertTrue(ApiKeySecret.parse(good.substring(0, 40) + "!" + good.substring(41)).isEmpty(), "bad character");
    }

    @Test
    void theHashMatchesOnlyTheSameSecret() {
        ApiKeySecret k = ApiKeySecret.generate();
        String stored = k.hash();
        assertEquals(64, stored.length());
        assertNotEquals(k.secret(), stored);
        assertTrue(k.matches(stored));
        ApiKeySecret other = new ApiKeySecret(k.publicId(), ApiKeySecret.generate().secret());
        assertFalse(other.matches(stored));
        assertFalse(k.matches(null));
        assertFalse(k.matches("zz" + stored.substring(2)), "not hex");
        assertFalse(k.matches(stored.substring(2)), "short");
    }

    @Test
    void toStringHidesTheSecret() {
        ApiKeySecret k = ApiKeySecret.generate();
        assertFalse(k.toString().contains(k.secret()), k.toString());
        assertTrue(k.toString().contains(k.publicId()));
    }
}
