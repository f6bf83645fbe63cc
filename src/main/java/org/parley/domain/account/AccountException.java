package org.parley.domain.account;

import jakarta.ejb.ApplicationException;
import org.parley.api.ParleyException;

/**
 * A refused account operation; {@code reason} is stable for APIs (conflict, not-found, invalid). An
 * application exception: callers of the EJBs get it as is (not wrapped), and the transaction rolls back.
 * Host applications catch it as the published {@link ParleyException} (same codes).
 */
@ApplicationException(rollback = true)
public class AccountException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public enum Reason { CONFLICT, NOT_FOUND, INVALID, HOST_UNKNOWN }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        this(reason, message, null);
    }

    public AccountException(Reason reason, String message, String field) {
        super(Code.valueOf(reason.name()), message, field);
        this.reason = reason;
    }

    /** The same refusal, about the named input. */
    public AccountException about(String field) {
        return new AccountException(reason, getMessage(), field);
    }

    public Reason reason() {
        return reason;
    }
}
