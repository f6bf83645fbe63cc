package org.parley.application.command;

import org.parley.api.ParleyException.Code;

/**
 * Who may run a command, carried by the command and checked by the registry for every channel (REST, XEP-0133,
 * console, EJB, parleyctl). {@link Caller#SYSTEM} passes every policy.
 */
public enum Policy {
    /**
     * Any administrator: server-wide reads that name no account (status, stats, the list of served domains), as
     * the dashboard and metrics show them to every administrator.
     */
    ANY_ADMIN("any administrator"),
    /** A server administrator ({@link ServerAdmins}): what changes the server as a whole (adding a domain). */
    SERVER_ADMIN("a server administrator"),
    /** A server administrator, or an administrator of the target's domain (a domain's host settings). */
    DOMAIN_OR_SERVER_ADMIN("a server administrator or an administrator of the target's domain"),
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

    /** Whether {@code caller} may act on {@code target} (the "not on your own account" guard aside). */
    public boolean allows(Caller caller, Target target) {
        if (caller.isSystem()) {
            return true;
        }
        return switch (this) {
            case ANY_ADMIN -> caller.isAnyAdmin();
            case SERVER_ADMIN -> caller.isServerAdmin();
            case DOMAIN_OR_SERVER_ADMIN -> caller.isServerAdmin() || target.domain() != null
                    && caller.isAdminOf(target.domain());
            case DOMAIN_ADMIN, DOMAIN_ADMIN_NOT_SELF -> target.domain() == null ? caller.isAnyAdmin()
                    : caller.isAdminOf(target.domain());
            case SELF_OR_DOMAIN_ADMIN -> caller.is(target.account()) || caller.isAdminOf(target.domain());
        };
    }

    /** Throws {@link CommandRefused} (FORBIDDEN or NOT_ALLOWED) unless {@code caller} may act on {@code target}. */
    public void check(Caller caller, Target target, String field) {
        if (caller.isSystem()) {
            return;
        }
        if (!allows(caller, target)) {
            throw CommandRefused.forbidden(!caller.admin() ? "an administrator account is required"
                    : this == SERVER_ADMIN ? "a server administrator is required"
                    : "administrators manage their own domain only", field);
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
