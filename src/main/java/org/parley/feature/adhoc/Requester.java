package org.parley.feature.adhoc;

import org.parley.application.command.Caller;
import org.xmpp.packet.JID;

/**
 * Who runs a command: the full JID the request came from and whether that account is an administrator.
 * The admin flag is per account and applies to the account's own domain only (the commands' {@link Caller}
 * rule).
 */
public record Requester(JID jid, boolean admin) {

    /** An administrator whose account lives in {@code domain}. */
    public boolean isAdminOf(String domain) {
        return jid != null && Caller.account(jid, admin).isAdminOf(domain);
    }
}
