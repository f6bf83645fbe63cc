package org.parley.api;

import jakarta.ejb.ApplicationException;

/**
 * A refused operation: bad input, unknown user/host/session, or a conflict. Callers get it unwrapped and the
 * operation's transaction rolls back.
 */
@ApplicationException(rollback = true)
public class ParleyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation was refused; stable for API clients. */
    public enum Code {
        CONFLICT, NOT_FOUND, INVALID, HOST_UNKNOWN,
        /** the caller may not run this command on this target (e.g. an admin of another domain) */
        FORBIDDEN,
        /** the command may not be applied to the caller's own account (deleting, disabling, demoting itself) */
        NOT_ALLOWED
    }

    private final Code code;
    private final String field;

    public ParleyException(Code code, String message) {
        this(code, message, null);
    }

    /** @param field the input the refusal is about (e.g. "admin.password"), or null */
    public ParleyException(Code code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public Code code() {
        return code;
    }

    /** The input the refusal is about, when the operation knows it; else null. */
    public String field() {
        return field;
    }
}
