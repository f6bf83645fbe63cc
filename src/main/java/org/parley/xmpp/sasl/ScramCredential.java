package org.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the account store keeps per algorithm (RFC 5802 §3): salt, iteration count, StoredKey and ServerKey.
 * The password itself is never kept. Byte arrays are copied in and out, so instances are immutable.
 */
public record ScramCredential(ScramAlgorithm algorithm, byte[] salt, int iterations, byte[] storedKey,
                              byte[] serverKey) {

    /** Iteration count for new credentials (RFC 7677 §4 recommends at least 4096). */
    public static final int DEFAULT_ITERATIONS = 4096;

    /** Length in bytes of the salt {@link #derive(ScramAlgorithm, String, int)} generates. */
    public static final int SALT_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    public ScramCredential {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (salt.length == 0) {
            throw new IllegalArgumentException("empty salt");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        if (storedKey.length != algorithm.hashLength() || serverKey.length != algorithm.hashLength()) {
            throw new IllegalArgumentException("key length does not match " + algorithm);
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /**
     * Derives a credential from a password with a fresh random {@value #SALT_LENGTH}-byte salt.
     *
     * @throws IllegalArgumentException if the password is empty after SASLprep or contains prohibited characters
     */
    public static ScramCredential derive(ScramAlgorithm alg, String password, int iterations) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return derive(alg, password, salt, iterations);
    }

    /**
     * Derives a credential from a password (SASLprep'd per RFC 4013 as a stored string) and the given salt.
     *
     * @throws IllegalArgumentException if the password is empty after SASLprep or contains prohibited characters
     */
    public static ScramCredential derive(ScramAlgorithm alg, String password, byte[] salt, int iterations) {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(password, "password");
        byte[] salted = saltedPassword(alg, SaslPrep.prepare(password, true), salt, iterations);
        try {
            return fromSaltedPassword(alg, salt, iterations, salted);
        } finally {
            Arrays.fill(salted, (byte) 0);
        }
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), for an already prepared password. */
    static byte[] saltedPassword(ScramAlgorithm alg, String preparedPassword, byte[] salt, int iterations) {
        if (preparedPassword.isEmpty()) {
            throw new IllegalArgumentException("empty password");
        }
        byte[] pw = preparedPassword.getBytes(StandardCharsets.UTF_8);
        try {
            return alg.hi(pw, salt, iterations);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    static ScramCredential fromSaltedPassword(ScramAlgorithm alg, byte[] salt, int iterations, byte[] salted) {
        byte[] clientKey = alg.hmac(salted, CLIENT_KEY);
        byte[] storedKey = alg.hash(clientKey);
        Arrays.fill(clientKey, (byte) 0);
        return new ScramCredential(alg, salt, iterations, storedKey, alg.hmac(salted, SERVER_KEY));
    }

    /**
     * Constant-time check of a clear password against this credential (for SASL PLAIN). The password is SASLprep'd
     * as a query string; passwords that fail SASLprep or are empty never match.
     */
    public boolean matches(String password) {
        if (password == null) {
            return false;
        }
        String prepared;
        try {
            prepared = SaslPrep.prepare(password, false);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (prepared.isEmpty()) {
            return false;
        }
        byte[] salted = saltedPassword(algorithm, prepared, salt, iterations);
        ScramCredential candidate = fromSaltedPassword(algorithm, salt, iterations, salted);
        Arrays.fill(salted, (byte) 0);
        // evaluate both comparisons unconditionally: no short-circuit timing difference
        boolean stored = MessageDigest.isEqual(storedKey, candidate.storedKey);
        boolean server = MessageDigest.isEqual(serverKey, candidate.serverKey);
        return stored & server;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** Internal access without copying. */
    byte[] saltUnsafe() {
        return salt;
    }

    byte[] storedKeyUnsafe() {
        return storedKey;
    }

    byte[] serverKeyUnsafe() {
        return serverKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredential c && algorithm == c.algorithm && iterations == c.iterations
                && Arrays.equals(salt, c.salt) && MessageDigest.isEqual(storedKey, c.storedKey)
                && MessageDigest.isEqual(serverKey, c.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, iterations, Arrays.hashCode(salt));
    }

    /** Does not print the keys. */
    @Override
    public String toString() {
        return "ScramCredential[" + algorithm + ", i=" + iterations + "]";
    }
}
