package org.parley.it.support;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The client side of SCRAM (RFC 5802, RFC 7677) without channel binding, for usernames and passwords that
 * SASLprep leaves unchanged (ASCII). Smack 4.4 has no SCRAM-SHA-256, so the ITs speak it themselves.
 */
public final class ScramClient {
    private final String hash;      // "SHA-1" or "SHA-256"
    private final String hmac;      // "HmacSHA1" or "HmacSHA256"
    private final String pbkdf2;    // "PBKDF2WithHmacSHA1" or "PBKDF2WithHmacSHA256"
    private final int keyBits;
    private final String username;
    private final String password;
    private final String clientNonce;
    private String authMessage;
    private byte[] saltedPassword;

    public ScramClient(String mechanism, String username, String password) {
        boolean sha256 = "SCRAM-SHA-256".equals(mechanism);
        this.hash = sha256 ? "SHA-256" : "SHA-1";
        this.hmac = sha256 ? "HmacSHA256" : "HmacSHA1";
        this.pbkdf2 = sha256 ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSHA1";
        this.keyBits = sha256 ? 256 : 160;
        this.username = username.replace("=", "=3D").replace(",", "=2C");
        this.password = password;
        byte[] n = new byte[18];
        new SecureRandom().nextBytes(n);
        this.clientNonce = Base64.getEncoder().encodeToString(n);
    }

    private String clientFirstBare() {
        return "n=" + username + ",r=" + clientNonce;
    }

    /** The initial response: gs2 header (no channel binding, no authzid) and client-first-message-bare. */
    public byte[] clientFirst() {
        return ("n,," + clientFirstBare()).getBytes(StandardCharsets.UTF_8);
    }

    /** client-final-message for the server-first-message. */
    public byte[] clientFinal(byte[] serverFirst) throws GeneralSecurityException {
        String sf = new String(serverFirst, StandardCharsets.UTF_8);
        Map<String, String> attrs = attributes(sf);
        String nonce = attrs.get("r");
        if (nonce == null || !nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new GeneralSecurityException("the server nonce must extend the client nonce: " + sf);
        }
        byte[] salt = Base64.getDecoder().decode(attrs.get("s"));
        int iterations = Integer.parseInt(attrs.get("i"));
        saltedPassword = SecretKeyFactory.getInstance(pbkdf2)
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, keyBits)).getEncoded();
        byte[] clientKey = mac(saltedPassword, "Client Key");
        byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        authMessage = clientFirstBare() + "," + sf + "," + withoutProof;
        byte[] signature = mac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** True if server-final-message proves the server knows the password's keys (RFC 5802 §3). */
    public boolean verifyServerFinal(byte[] serverFinal) throws GeneralSecurityException {
        String v = attributes(new String(serverFinal, StandardCharsets.UTF_8)).get("v");
        if (v == null) {
            return false;
        }
        byte[] expected = mac(mac(saltedPassword, "Server Key"), authMessage);
        return MessageDigest.isEqual(expected, Base64.getDecoder().decode(v));
    }

    private byte[] mac(byte[] key, String data) throws GeneralSecurityException {
        Mac m = Mac.getInstance(hmac);
        m.init(new SecretKeySpec(key, hmac));
        return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> m = new HashMap<>();
        for (String part : message.split(",")) {
            int eq = part.indexOf('=');
            if (eq == 1) {
                m.put(part.substring(0, 1), part.substring(2));
            }
        }
        return m;
    }
}
