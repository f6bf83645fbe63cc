package org.parley.domain.account;

/** A refused account operation; {@code reason} is stable for APIs (conflict, not-found, invalid). */
public class AccountException extends RuntimeException {
    public enum Reason { CONFLICT, NOT_FOUND, INVALID, HOST_UNKNOWN }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
