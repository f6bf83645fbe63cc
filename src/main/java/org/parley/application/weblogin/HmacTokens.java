package org.parley.application.weblogin;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens minted by a host application that shares a secret and a TOTP seed with Parley:
 * {@code password = OTP + nonce + base64(HMAC-SHA256(secret, OTP + nonce + JID))}, where OTP is the 6-digit
 * TOTP (RFC 6238, HMAC-SHA1, 30 s steps) of the seed. Accepted within {@code window} steps either side of now;
 * each nonce is remembered until its OTP can no longer be valid, so a token is never accepted twice.
 */
public final class HmacTokens {
    static final int OTP_DIGITS = 6;
    static final int STEP_SECONDS = 30;

    private final byte[] secret;
    private final byte[] seed;
    private final int nonceLength;
    private final int window;
    private final Clock clock;
    private final Map<String, Long> usedNonces = new ConcurrentHashMap<>();

    public HmacTokens(byte[] secret, byte[] seed, int nonceLength, int window, Clock clock) {
        this.secret = secret.clone();
        this.seed = seed.clone();
        this.nonceLength = nonceLength;
        this.window = window;
        this.clock = clock;
    }

    public boolean verify(String bareJid, String password) {
        if (password == null || password.length() <= OTP_DIGITS + nonceLength) {
            return false;
        }
        String otp = password.substring(0, OTP_DIGITS);
        String nonce = password.substring(OTP_DIGITS, OTP_DIGITS + nonceLength);
        String mac = password.substring(OTP_DIGITS + nonceLength);
        byte[] expectedMac = hmacSha256(secret, (otp + nonce + bareJid).getBytes(StandardCharsets.UTF_8));
        byte[] givenMac;
        try {
            givenMac = Base64.getDecoder().decode(mac);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!MessageDigest.isEqual(expectedMac, givenMac)) {
            return false;
        }
        long step = clock.millis() / 1000 / STEP_SECONDS;
        boolean otpOk = false;
        for (long s = step - window; s <= step + window; s++) {
            otpOk |= MessageDigest.isEqual(totp(seed, s).getBytes(StandardCharsets.US_ASCII),
                    otp.getBytes(StandardCharsets.US_ASCII));
        }
        if (!otpOk) {
            return false;
        }
        usedNonces.values().removeIf(until -> until < step);
        return usedNonces.putIfAbsent(bareJid + "\u0000" + nonce, step + window + 1) == null;
    }

    /** The password a host application would compute (for tests and the documentation's example). */
    public String mint(String bareJid, String nonce) {
        String otp = totp(seed, clock.millis() / 1000 / STEP_SECONDS);
        byte[] mac = hmacSha256(secret, (otp + nonce + bareJid).getBytes(StandardCharsets.UTF_8));
        return otp + nonce + Base64.getEncoder().encodeToString(mac);
    }

    static String totp(byte[] seed, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int off = h[h.length - 1] & 0x0f;
            int bin = ((h[off] & 0x7f) << 24) | ((h[off + 1] & 0xff) << 16) | ((h[off + 2] & 0xff) << 8)
                    | (h[off + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
