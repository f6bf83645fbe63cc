package org.parley.feature.admin;

import org.parley.application.command.Caller;
import org.xmpp.packet.JID;

/**
 * Whether an administrator manages a domain: the rule of {@link org.parley.application.command.Policy}, for the
 * host pages that are not admin commands yet. New code uses the command registry.
 */
public final class AdminPolicy {
    private AdminPolicy() {
    }

    /** @param admin an administrator's JID (the caller is known to be one) */
    public static boolean mayManage(JID admin, String domain) {
        return admin != null && domain != null && Caller.account(admin, true).isAdminOf(domain);
    }
}
