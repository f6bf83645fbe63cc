package org.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Credentials for accounts that do not exist, so that a SCRAM exchange for an unknown user looks like a real one
 * up to the proof check. The salt is an HMAC of the user name under a per-process random key: stable for the
 * same name (a client probing twice sees the same salt, as for a real account) and unpredictable otherwise.
 */
final class FakeCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS_KEY = new byte[32];

    static {
        RANDOM.nextBytes(PROCESS_KEY);
    }

    private FakeCredentials() {
    }

    static byte[] salt(ScramAlgorithm alg, String username) {
        byte[] mac = ScramAlgorithm.SHA_256.hmac(PROCESS_KEY,
                (alg.mechanismName() + '\0' + username).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac, ScramCredential.SALT_LENGTH);
    }

    /** A credential with the deterministic fake salt and random keys that no password matches (in practice). */
    static ScramCredential credential(ScramAlgorithm alg, String username) {
        byte[] storedKey = new byte[alg.hashLength()];
        byte[] serverKey = new byte[alg.hashLength()];
        RANDOM.nextBytes(storedKey);
        RANDOM.nextBytes(serverKey);
        return new ScramCredential(alg, salt(alg, username), ScramCredential.DEFAULT_ITERATIONS, storedKey, serverKey);
    }
}
