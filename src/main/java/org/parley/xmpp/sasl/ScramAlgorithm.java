package org.parley.xmpp.sasl;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The SCRAM hash functions supported (RFC 5802, RFC 7677). */
public enum ScramAlgorithm {
    SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1"),
    SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256");

    private final String mechanismName;
    private final String hmacAlgorithm;
    private final String digestAlgorithm;
    private final int hashLength;
    /**
     * Never used, only cloned: a login computes two HMACs and a hash, and getInstance looked the provider up
     * and instantiated it reflectively each time (more CPU than the hashing itself). Each use gets a clone
     * of its own, so no key outlives the call.
     */
    private final Mac macPrototype;
    private final MessageDigest digestPrototype;

    ScramAlgorithm(String mechanismName, String hmacAlgorithm, String digestAlgorithm) {
        this.mechanismName = mechanismName;
        this.hmacAlgorithm = hmacAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
        try {
            this.digestPrototype = MessageDigest.getInstance(digestAlgorithm);
            this.hashLength = digestPrototype.getDigestLength();
            this.macPrototype = Mac.getInstance(hmacAlgorithm);
            macPrototype.init(new SecretKeySpec(new byte[] {0}, hmacAlgorithm)); // binds the provider
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** SASL mechanism name, e.g. {@code SCRAM-SHA-256}. */
    public String mechanismName() {
        return mechanismName;
    }

    /** JCA name of the HMAC, e.g. {@code HmacSHA256}. */
    public String hmacAlgorithm() {
        return hmacAlgorithm;
    }

    /** JCA name of the hash, e.g. {@code SHA-256}. */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** Output length of the hash in bytes (size of StoredKey, ServerKey, ClientProof, ServerSignature). */
    public int hashLength() {
        return hashLength;
    }

    /** The algorithm whose SASL mechanism name is exactly {@code name}. */
    public static Optional<ScramAlgorithm> forMechanismName(String name) {
        for (ScramAlgorithm a : values()) {
            if (a.mechanismName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    // ----- primitives (RFC 5802 §2.2) -----

    /** HMAC(key, data). The key must not be empty. */
    byte[] hmac(byte[] key, byte[] data) {
        Mac mac = newMac(key);
        return mac.doFinal(data);
    }

    /** H(data). */
    byte[] hash(byte[] data) {
        try {
            return ((MessageDigest) digestPrototype.clone()).digest(data);
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(digestAlgorithm).digest(data);
            } catch (NoSuchAlgorithmException e2) {
                throw new IllegalStateException(e2);
            }
        }
    }

    /** Hi(str, salt, i): PBKDF2 with this HMAC and dkLen = hash length. */
    byte[] hi(byte[] str, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        Mac mac = newMac(str);
        mac.update(salt);
        mac.update(ByteBuffer.allocate(4).putInt(1).array());
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        Arrays.fill(u, (byte) 0);
        return result;
    }

    private Mac newMac(byte[] key) {
        try {
            Mac mac;
            try {
                mac = (Mac) macPrototype.clone();
            } catch (CloneNotSupportedException e) {
                mac = Mac.getInstance(hmacAlgorithm);
            }
            mac.init(new SecretKeySpec(key, hmacAlgorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " unavailable", e);
        }
    }
}
