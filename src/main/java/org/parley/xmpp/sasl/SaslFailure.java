package org.parley.xmpp.sasl;

import java.util.Set;

/**
 * A failed SASL exchange; the caller answers {@code <failure><condition/><text>text</text></failure>}
 * (RFC 6120 §6.5). The text is meant for the client and never says whether an account exists.
 */
public final class SaslFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public static final String ABORTED = "aborted";
    public static final String ACCOUNT_DISABLED = "account-disabled";
    public static final String CREDENTIALS_EXPIRED = "credentials-expired";
    public static final String ENCRYPTION_REQUIRED = "encryption-required";
    public static final String INCORRECT_ENCODING = "incorrect-encoding";
    public static final String INVALID_AUTHZID = "invalid-authzid";
    public static final String INVALID_MECHANISM = "invalid-mechanism";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String MECHANISM_TOO_WEAK = "mechanism-too-weak";
    public static final String NOT_AUTHORIZED = "not-authorized";
    public static final String TEMPORARY_AUTH_FAILURE = "temporary-auth-failure";

    /** All defined conditions (RFC 6120 §6.5). */
    public static final Set<String> CONDITIONS = Set.of(ABORTED, ACCOUNT_DISABLED, CREDENTIALS_EXPIRED,
            ENCRYPTION_REQUIRED, INCORRECT_ENCODING, INVALID_AUTHZID, INVALID_MECHANISM, MALFORMED_REQUEST,
            MECHANISM_TOO_WEAK, NOT_AUTHORIZED, TEMPORARY_AUTH_FAILURE);

    private final String condition;

    /**
     * @param condition one of {@link #CONDITIONS}
     * @param text      human-readable text for the client, may be null
     * @throws IllegalArgumentException for an unknown condition
     */
    public SaslFailure(String condition, String text) {
        super(text, null, false, false); // no stack trace: these are routine and frequent
        if (!CONDITIONS.contains(condition)) {
            throw new IllegalArgumentException("unknown SASL failure condition: " + condition);
        }
        this.condition = condition;
    }

    /** The RFC 6120 §6.5 condition element name, e.g. {@code not-authorized}. */
    public String condition() {
        return condition;
    }

    /** The text for the client, or null. */
    public String text() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "SaslFailure[" + condition + (getMessage() == null ? "" : ": " + getMessage()) + "]";
    }
}
