package org.parley.application.command;

import org.parley.config.ParleyConfig;
import org.xmpp.packet.JID;

/**
 * Who runs the server as a whole: the administrators of the domain of {@code parley.admin.jid} (the bootstrap
 * administrator; without it, of the first of {@code parley.domains}). The one definition of "server
 * administrator", behind {@link Caller#isServerAdmin()} and {@link Policy#SERVER_ADMIN}.
 */
public final class ServerAdmins {
    private ServerAdmins() {
    }

    /** The server's own domain, read from the configuration each time (tests and the console may change it). */
    public static String domain() {
        String configured = ParleyConfig.get("admin.jid", null);
        String domain = configured != null ? configured.substring(configured.indexOf('@') + 1)
                : ParleyConfig.initialDomains().stream().findFirst().orElse("localhost");
        return new JID(null, domain.trim(), null).getDomain();
    }

    /** Whether an account of {@code jid}'s domain that is an administrator is a server administrator. */
    public static boolean ofServerDomain(JID jid) {
        return jid != null && domain().equals(jid.getDomain());
    }
}
