package org.parley.application.command;

import org.xmpp.packet.JID;

/**
 * Who runs an admin command, whatever the channel: an account (its bare JID and whether it is an
 * administrator, which the channel read from the account) or the trusted {@link #SYSTEM} (code deployed in the
 * server that asks for it explicitly, see docs/ejb.md). An administrator manages its own domain only.
 */
public record Caller(JID jid, boolean admin) {
    /** Trusted code acting for the server itself: every policy lets it through. */
    public static final Caller SYSTEM = new Caller(null, true);

    public Caller {
        jid = jid == null ? null : jid.asBareJID();
    }

    /** An account acting for itself (admin: whether the account has the admin flag). */
    public static Caller account(JID jid, boolean admin) {
        if (jid == null) {
            throw new IllegalArgumentException("an account caller needs a JID");
        }
        return new Caller(jid, admin);
    }

    public boolean isSystem() {
        return jid == null;
    }

    /** The system, or an administrator whose account lives in {@code domain}. */
    public boolean isAdminOf(String domain) {
        return isSystem() || admin && domain != null && jid.getDomain().equals(domain);
    }

    /** The system or any administrator (server-wide reads such as status and stats). */
    public boolean isAnyAdmin() {
        return isSystem() || admin;
    }

    /** Whether {@code account} (bare) is the caller's own account. */
    public boolean is(JID account) {
        return !isSystem() && account != null && jid.equals(account.asBareJID());
    }

    /** The caller's domain (the default for a command's optional host), or null for the system. */
    public String domain() {
        return isSystem() ? null : jid.getDomain();
    }

    @Override
    public String toString() {
        return isSystem() ? "system" : jid.toBareJID() + (admin ? " (admin)" : "");
    }
}
