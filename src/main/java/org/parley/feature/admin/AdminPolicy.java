package org.parley.feature.admin;

import org.xmpp.packet.JID;

/**
 * Who may administer what. The admin flag is per account, and an administrator manages the accounts, sessions
 * and settings of its own domain only (admin@a.example cannot touch b.example): one rule for XEP-0133 and the
 * operator REST API.
 */
public final class AdminPolicy {
    private AdminPolicy() {
    }

    public static boolean mayManage(JID admin, String domain) {
        return admin != null && domain != null && admin.getDomain().equals(domain);
    }
}
