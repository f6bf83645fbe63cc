package org.parley.application.command;

import org.parley.api.ParleyException.Code;

/**
 * Who may run a command, carried by the command and checked by the registry for every channel (REST, XEP-0133,
 * console, EJB, parleyctl). {@link Caller#SYSTEM} passes every policy.
 */
public enum Policy {
    /** Any administrator: server-wide reads (status, stats), as the dashboard and metrics show them. */
    ANY_ADMIN("any administrator"),
    /** An administrator of the target's domain. */
    DOMAIN_ADMIN("an administrator of the target's domain"),
    /** An administrator of the target's domain, never on its own account (no locking oneself out). */
    DOMAIN_ADMIN_NOT_SELF("an administrator of the target's domain, not on its own account"),
    /** The account itself, or an administrator of its domain. */
    SELF_OR_DOMAIN_ADMIN("the account itself or an administrator of its domain");

    private final String description;

    Policy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Throws {@link CommandRefused} (FORBIDDEN or NOT_ALLOWED) unless {@code caller} may act on {@code target}. */
    public void check(Caller caller, Target target, String field) {
        if (caller.isSystem()) {
            return;
        }
        boolean allowed = switch (this) {
            case ANY_ADMIN -> caller.isAnyAdmin();
            case DOMAIN_ADMIN, DOMAIN_ADMIN_NOT_SELF -> target.domain() == null ? caller.isAnyAdmin()
                    : caller.isAdminOf(target.domain());
            case SELF_OR_DOMAIN_ADMIN -> caller.is(target.account()) || caller.isAdminOf(target.domain());
        };
        if (!allowed) {
            throw CommandRefused.forbidden(caller.admin() ? "administrators manage their own domain only"
                    : "an administrator account is required", field);
        }
        if (this == DOMAIN_ADMIN_NOT_SELF) {
            guardSelf(caller, target, field);
        }
    }

    /** The "not on your own account" guard, also used by commands that lock out only with some arguments. */
    public static void guardSelf(Caller caller, Target target, String field) {
        if (caller.is(target.account())) {
            throw new CommandRefused(Code.NOT_ALLOWED, "not applicable to your own account", field);
        }
    }
}
