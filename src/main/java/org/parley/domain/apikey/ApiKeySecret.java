package org.parley.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of an API key, {@code pk_<id>_<secret>}: a public id of 12 characters [a-z0-9] to find the key, and
 * 256 random bits (base64url). Only the SHA-256 of the secret is stored: for a random secret of that size a
 * slow password hash adds nothing, and the comparison of hashes runs in constant time.
 */
public record ApiKeySecret(String publicId, String secret) {
    public static final String PREFIX = "pk_";
    static final int ID_LENGTH = 12;
    static final int SECRET_BYTES = 32;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile("pk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        byte[] raw = new byte[SECRET_BYTES];
        RANDOM.nextBytes(raw);
        return new ApiKeySecret(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    /** The key as presented by a client; empty when it is not of the form pk_<id>_<secret>. */
    public static Optional<ApiKeySecret> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(text.trim());
        return m.matches() ? Optional.of(new ApiKeySecret(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The whole key, shown once to its creator. */
    public String text() {
        return PREFIX + publicId + "_" + secret;
    }

    /** Hex SHA-256 of the secret: what the database keeps. */
    public String hash() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Constant-time comparison with a stored hash. */
    public boolean matches(String storedHash) {
        if (storedHash == null || storedHash.length() != 64) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(stored, sha256(secret));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiKeySecret[" + PREFIX + publicId + "_...]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
