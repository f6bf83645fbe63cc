package org.parley.xmpp.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Helpers shared by the mechanisms. */
final class SaslSupport {

    /** Largest client message accepted; real ones are a few hundred bytes. */
    static final int MAX_MESSAGE_BYTES = 8192;

    private SaslSupport() {
    }

    /** Strict UTF-8 decoding: malformed or overlong sequences and oversized messages are malformed-request. */
    static String utf8(byte[] data) throws SaslFailure {
        if (data.length > MAX_MESSAGE_BYTES) {
            throw malformed("message too long");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("invalid UTF-8");
        }
    }

    /**
     * Whether an authorization identity is acceptable for an authentication as {@code username} on
     * {@code domain}: only empty (none) or the user's own bare JID. Comparison ignores ASCII/Unicode case, as
     * both the node (nodeprep) and the domain (nameprep) are case-insensitive.
     */
    static boolean authzidAcceptable(String authzid, String username, String domain) {
        if (authzid == null || authzid.isEmpty()) {
            return true;
        }
        String own = username + "@" + domain;
        return authzid.equals(own) || authzid.toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT));
    }

    static SaslFailure malformed(String text) {
        return new SaslFailure(SaslFailure.MALFORMED_REQUEST, text);
    }

    static SaslFailure notAuthorized() {
        return new SaslFailure(SaslFailure.NOT_AUTHORIZED, "Invalid username or password");
    }

    static SaslFailure disabled() {
        return new SaslFailure(SaslFailure.ACCOUNT_DISABLED, "Account disabled");
    }

    static SaslFailure temporary() {
        return new SaslFailure(SaslFailure.TEMPORARY_AUTH_FAILURE, "Try again later");
    }

    static SaslFailure finished() {
        return malformed("Authentication exchange already finished");
    }
}
