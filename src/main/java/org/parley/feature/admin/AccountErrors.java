package org.parley.feature.admin;

import org.parley.api.ParleyException;
import org.parley.domain.account.AccountException;

import java.util.Optional;

/**
 * Finds why the account service refused an operation. The service is an EJB, so its AccountException reaches
 * callers wrapped in an EJBException; a password SASLprep rejects arrives as IllegalArgumentException.
 */
public final class AccountErrors {
    private AccountErrors() {
    }

    /** The refusal inside a failure: a service's or the command registry's (policy, arguments). */
    public static Optional<ParleyException> refusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ParleyException p) {
                return Optional.of(p);
            }
        }
        return cause(t).map(ParleyException.class::cast);
    }

    public static Optional<AccountException> cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AccountException a) {
                return Optional.of(a);
            }
            if (c instanceof IllegalArgumentException i) {
                return Optional.of(new AccountException(AccountException.Reason.INVALID,
                        i.getMessage() == null ? "invalid value" : i.getMessage()));
            }
        }
        return Optional.empty();
    }
}
