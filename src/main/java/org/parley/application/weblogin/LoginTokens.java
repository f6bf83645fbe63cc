package org.parley.application.weblogin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived, single-use web login tokens: the browser presents one as the SASL PLAIN password instead of
 * an XMPP password. 192 random bits each; only their SHA-256 is kept (a memory dump reveals no usable token),
 * so the lookup itself leaks nothing through timing; the JID is compared in constant time.
 */
public final class LoginTokens {
    public record Issued(String jid, String token, Instant expiresAt) {
    }

    private record Entry(String jid, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final int maxTokens;
    private final Clock clock;

    public LoginTokens(int maxTokens, Clock clock) {
        this.maxTokens = maxTokens;
        this.clock = clock;
    }

    /** Issues a token for a bare JID, valid for {@code ttl} and one login. */
    public Issued issue(String bareJid, Duration ttl) {
        purgeExpired();
        if (byHash.size() >= maxTokens) {
            throw new IllegalStateException("too many unused login tokens");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(ttl);
        byHash.put(hash(token), new Entry(bareJid, expires));
        return new Issued(bareJid, token, expires);
    }

    /** True once for a valid, unexpired token of this JID; the token is gone afterwards. */
    public boolean consume(String bareJid, String candidate) {
        if (candidate == null || candidate.length() != 32) {
            return false;
        }
        String key = hash(candidate);
        Entry e = byHash.get(key);
        if (e == null || !MessageDigest.isEqual(e.jid.getBytes(StandardCharsets.UTF_8),
                bareJid.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        if (!byHash.remove(key, e)) {
            return false; // used concurrently
        }
        return clock.instant().isBefore(e.expiresAt);
    }

    public int size() {
        return byHash.size();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        byHash.values().removeIf(e -> !now.isBefore(e.expiresAt));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
