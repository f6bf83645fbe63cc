package org.parley.domain.account;

import jakarta.ejb.ApplicationException;

/**
 * A refused account operation; {@code reason} is stable for APIs (conflict, not-found, invalid). An
 * application exception: callers of the EJBs get it as is (not wrapped), and the transaction rolls back.
 */
@ApplicationException(rollback = true)
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
