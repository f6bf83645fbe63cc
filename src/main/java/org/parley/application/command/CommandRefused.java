package org.parley.application.command;

import jakarta.ejb.ApplicationException;
import org.parley.api.ParleyException;

/**
 * A command the registry refused before or while running it: not allowed to this caller (FORBIDDEN), the
 * "not on your own account" guard (NOT_ALLOWED), an unknown command or argument, or bad input (INVALID).
 * Channels turn {@link #code()} into their error (HTTP status, XMPP condition, exit code).
 */
@ApplicationException(rollback = true)
public class CommandRefused extends ParleyException {
    private static final long serialVersionUID = 1L;

    public CommandRefused(Code code, String message, String field) {
        super(code, message, field);
    }

    static CommandRefused forbidden(String message, String field) {
        return new CommandRefused(Code.FORBIDDEN, message, field);
    }

    static CommandRefused invalid(String message, String field) {
        return new CommandRefused(Code.INVALID, message, field);
    }
}
