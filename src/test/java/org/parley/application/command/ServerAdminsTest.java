package org.parley.application.command;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Server administrator" has one definition: an administrator of parley.admin.jid's domain. */
class ServerAdminsTest {
    private final String saved = System.getProperty("parley.admin.jid");

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("parley.admin.jid");
        } else {
            System.setProperty("parley.admin.jid", saved);
        }
    }

    @Test
    void theDomainOfTheConfiguredAdministratorRunsTheServer() {
        System.setProperty("parley.admin.jid", "root@Server.ORG");
        assertEquals("server.org", ServerAdmins.domain());
        Caller root = Caller.account(new JID("other-admin@server.org/console"), true);
        assertTrue(root.isServerAdmin());
        assertTrue(Policy.SERVER_ADMIN.allows(root, Target.domain("elsewhere.org")));
        assertTrue(Policy.DOMAIN_OR_SERVER_ADMIN.allows(root, Target.domain("elsewhere.org")));
        assertFalse(Policy.DOMAIN_ADMIN.allows(root, Target.domain("elsewhere.org")),
                "accounts of other domains stay their administrators'");
        Caller user = Caller.account(new JID("juliet@server.org"), false);
        assertFalse(user.isServerAdmin(), "an account of the server's domain without the admin flag");
        Caller domainAdmin = Caller.account(new JID("admin@example.org"), true);
        assertFalse(domainAdmin.isServerAdmin());
        assertFalse(Policy.SERVER_ADMIN.allows(domainAdmin, Target.domain("example.org")));
        assertTrue(Policy.DOMAIN_OR_SERVER_ADMIN.allows(domainAdmin, Target.domain("example.org")));
        assertTrue(Caller.SYSTEM.isServerAdmin());
    }
}
