package org.parley.application.command;

import org.xmpp.packet.JID;

/**
 * Who runs an admin command, whatever the channel: an account (its bare JID and whether it is an
 * administrator, which the channel read from the account) or the trusted {@link #SYSTEM} (code deployed in the
 * server that asks for it explicitly, see docs/ejb.md). An administrator manages its own domain only; a server
 * administrator ({@link ServerAdmins}: an administrator of the server's own domain) also adds and removes
 * domains and manages every domain's host settings.
 *
 * @param serverAdmin an administrator of the server's own domain (only with {@code admin})
 */
public record Caller(JID jid, boolean admin, boolean serverAdmin) {
    /** Trusted code acting for the server itself: every policy lets it through. */
    public static final Caller SYSTEM = new Caller(null, true, true);

    public Caller {
        jid = jid == null ? null : jid.asBareJID();
        serverAdmin = serverAdmin && admin;
    }

    /** An account acting for itself (admin: whether the account has the admin flag). */
    public static Caller account(JID jid, boolean admin) {
        return account(jid, admin, ServerAdmins.ofServerDomain(jid));
    }

    /** The same, with the server's domain already decided (unit tests, which have no server configuration). */
    static Caller account(JID jid, boolean admin, boolean ofServerDomain) {
        if (jid == null) {
            throw new IllegalArgumentException("an account caller needs a JID");
        }
        return new Caller(jid, admin, ofServerDomain);
    }

    public boolean isSystem() {
        return jid == null;
    }

    /** The system, or an administrator whose account lives in {@code domain}. */
    public boolean isAdminOf(String domain) {
        return isSystem() || admin && domain != null && jid.getDomain().equals(domain);
    }

    /** The system, or an administrator of the server's own domain ({@link ServerAdmins}). */
    public boolean isServerAdmin() {
        return isSystem() || serverAdmin;
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
        return isSystem() ? "system" : jid.toBareJID() + (serverAdmin ? " (server admin)" : admin ? " (admin)" : "");
    }
}
