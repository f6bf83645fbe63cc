package org.parley.xmpp.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScramCredentialTest {

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void deriveAndMatch(ScramAlgorithm alg) {
        ScramCredential c = ScramCredential.derive(alg, "correct horse", ScramCredential.DEFAULT_ITERATIONS);
        assertEquals(alg, c.algorithm());
        assertEquals(4096, c.iterations());
        assertEquals(16, c.salt().length);
        assertEquals(alg.hashLength(), c.storedKey().length);
        assertEquals(alg.hashLength(), c.serverKey().length);
        assertTrue(c.matches("correct horse"));
        assertFalse(c.matches("correct horse "));
        assertFalse(c.matches("Correct horse"));
        assertFalse(c.matches(""));
        assertFalse(c.matches(null));
    }

    @Test
    void freshSaltEachTime() {
        ScramCredential a = ScramCredential.derive(ScramAlgorithm.SHA_256, "pw", 4096);
        ScramCredential b = ScramCredential.derive(ScramAlgorithm.SHA_256, "pw", 4096);
        assertNotEquals(Base64.getEncoder().encodeToString(a.salt()), Base64.getEncoder().encodeToString(b.salt()));
        assertNotEquals(a, b);
    }

    @Test
    void deterministicWithGivenSaltAndMatchesJcaPbkdf2() throws Exception {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredential a = ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil", salt, 4096);
        ScramCredential b = ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil", salt, 4096);
        assertEquals(a, b);
        assertArrayEquals(a.storedKey(), b.storedKey());

        javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salted = f.generateSecret(new javax.crypto.spec.PBEKeySpec("pencil".toCharArray(), salt, 4096, 256))
                .getEncoded();
        assertArrayEquals(salted, ScramAlgorithm.SHA_256.hi("pencil".getBytes(), salt, 4096));
    }

    @Test
    void iterationsMatter() {
        byte[] salt = new byte[16];
        assertNotEquals(ScramCredential.derive(ScramAlgorithm.SHA_1, "pw", salt, 4096),
                ScramCredential.derive(ScramAlgorithm.SHA_1, "pw", salt, 4097));
    }

    @Test
    void saslPrepMapsSpacesAndNormalises() {
        ScramCredential c = ScramCredential.derive(ScramAlgorithm.SHA_256, "my\u00A0pass\u2003word", 4096);
        assertTrue(c.matches("my pass word"));
        assertTrue(c.matches("my\u3000pass word"));
        // U+2168 ROMAN NUMERAL NINE normalises (NFKC) to "IX"; soft hyphen is mapped to nothing
        ScramCredential nine = ScramCredential.derive(ScramAlgorithm.SHA_256, "\u2168", 4096);
        assertTrue(nine.matches("IX"));
        assertTrue(nine.matches("I\u00ADX"));
        // composed and decomposed forms are equivalent
        ScramCredential cafe = ScramCredential.derive(ScramAlgorithm.SHA_256, "caf\u00E9", 4096);
        assertTrue(cafe.matches("cafe\u0301"));
    }

    @Test
    void rfc4013Examples() {
        assertEquals("IX", SaslPrep.prepare("I\u00ADX", true));
        assertEquals("user", SaslPrep.prepare("user", true));
        assertEquals("USER", SaslPrep.prepare("USER", true));
        assertEquals("a", SaslPrep.prepare("\u00AA", true));
        assertEquals("IX", SaslPrep.prepare("\u2168", true));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0007", true));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0627\u0031", true));
        assertEquals("\u0627\u0031\u0628", SaslPrep.prepare("\u0627\u0031\u0628", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\u0000word", "pass\nword", "tab\t", "del\u007F", "c1\u0085", "pua\uE000",
            "nonchar\uFFFF", "lone\uD800surrogate", "rlo\u202E", "tag\uDB40\uDC01", "\u05D0a"})
    void prohibitedPasswordsRejected(String pw) {
        assertThrows(IllegalArgumentException.class, () -> ScramCredential.derive(ScramAlgorithm.SHA_256, pw, 4096));
    }

    @Test
    void prohibitedPasswordNeverMatches() {
        ScramCredential c = ScramCredential.derive(ScramAlgorithm.SHA_256, "pw", 4096);
        assertFalse(c.matches("pw\u0000"));
    }

    @Test
    void emptyPasswordRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScramCredential.derive(ScramAlgorithm.SHA_1, "", 4096));
        assertThrows(IllegalArgumentException.class,
                () -> ScramCredential.derive(ScramAlgorithm.SHA_1, "\u00AD", 4096));
    }

    @Test
    void unassignedRejectedOnlyForStoredStrings() {
        String unassigned = new String(Character.toChars(0x0378)); // unassigned in Greek block
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare(unassigned, true));
        assertEquals(unassigned, SaslPrep.prepare(unassigned, false));
    }

    @Test
    void validationAndDefensiveCopies() {
        byte[] salt = new byte[16];
        byte[] key = new byte[32];
        assertThrows(IllegalArgumentException.class,
                () -> new ScramCredential(ScramAlgorithm.SHA_1, salt, 4096, key, key)); // wrong length for SHA-1
        assertThrows(IllegalArgumentException.class,
                () -> new ScramCredential(ScramAlgorithm.SHA_256, salt, 0, key, key));
        assertThrows(IllegalArgumentException.class,
                () -> new ScramCredential(ScramAlgorithm.SHA_256, new byte[0], 4096, key, key));
        ScramCredential c = new ScramCredential(ScramAlgorithm.SHA_256, salt, 4096, key, key);
        salt[0] = 1;
        key[0] = 1;
        c.storedKey()[1] = 1;
        c.salt()[1] = 1;
        assertArrayEquals(new byte[16], c.salt());
        assertArrayEquals(new byte[32], c.storedKey());
        assertArrayEquals(new byte[32], c.serverKey());
        assertFalse(c.toString().contains("AAAA"));
    }

    @Test
    void defaultVerifyPlainUsesSha256Credential() {
        TestStore store = new TestStore().add("juliet", "secret");
        assertTrue(store.verifyPlain("juliet", "secret"));
        assertFalse(store.verifyPlain("juliet", "Secret"));
        assertFalse(store.verifyPlain("nobody", "secret"));
        store.credentials.get("juliet").remove(ScramAlgorithm.SHA_256);
        assertFalse(store.verifyPlain("juliet", "secret"));
    }
}
