package org.parley.it.services;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.api.AccountOperations;
import org.parley.api.CommandInfo;
import org.parley.api.CommandOperations;
import org.parley.api.HostOperations;
import org.parley.api.ParleyException;
import org.parley.api.UserChanges;
import org.parley.it.support.ForeignCommands;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin commands through the EJB interface CommandOperations, from another deployment: on behalf of an
 * administrator of another domain every domain command is refused, as on REST, XMPP, the console and the CLI;
 * a call without a Parley identity runs as the system.
 */
@ExtendWith(ArquillianExtension.class)
class CommandsArqIT {
    private static final String ADMIN = System.getProperty("parley.admin.jid", "admin@localhost");
    private static final String DOMAIN = ADMIN.replaceAll(".*@", "");

    @Deployment
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-commands-it.war")
                .addClasses(CommandsArqIT.class, ForeignCommands.class, ForeignCommands.Call.class);
    }

    @EJB(lookup = "java:global/parley/CommandService!org.parley.api.CommandOperations")
    CommandOperations commands;

    @EJB(lookup = "java:global/parley/AccountService!org.parley.api.AccountOperations")
    AccountOperations accounts;

    @EJB(lookup = "java:global/parley/HostService!org.parley.api.HostOperations")
    HostOperations hosts;

    @Test
    void anAdministratorOfAnotherDomainIsRefusedEveryCommand() {
        String other = "cmd-ejb-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String boss = "boss@" + other;
        String alice = "cmdejb" + UUID.randomUUID().toString().substring(0, 8);
        hosts.createHost(other, boss, "pw-boss");
        accounts.createUser(alice + "@" + DOMAIN, "pw-alice", false);
        try {
            for (ForeignCommands.Call call : ForeignCommands.on(DOMAIN, alice)) {
                ParleyException e = assertThrows(ParleyException.class,
                        () -> commands.runAs(boss, call.name(), call.args()), call.name());
                assertEquals(ParleyException.Code.FORBIDDEN, e.code(), call.name());
            }
            assertTrue(accounts.user(alice + "@" + DOMAIN).enabled(), "nothing ran");
            assertEquals(List.of(boss), commands.runAs(boss, "registered_users", Map.of()), "its own domain");
            Map<String, Object> limit = Map.of("host", other, "name", "maxStanzaBytes", "value", "8192");
            assertEquals(ParleyException.Code.FORBIDDEN, assertThrows(ParleyException.class,
                    () -> commands.runAs(boss, "set_host_setting", limit)).code(), "a server administrators' setting");
            commands.runAs(ADMIN, "set_host_setting", limit);
            assertEquals(8192, hosts.host(other).integer("maxStanzaBytes"), "a server administrator sets it");
            commands.runAs(boss, "set_host_setting", Map.of("host", other, "name", "maxOfflineMessages", "value", 3));
            assertEquals(3, hosts.host(other).integer("maxOfflineMessages"), "its own domain's settings");
        } finally {
            accounts.deleteUser(alice + "@" + DOMAIN);
            hosts.removeHost(other);
        }
    }

    @Test
    void onBehalfOfAnAdministratorTheSelfGuardApplies() {
        String user = ADMIN.substring(0, ADMIN.indexOf('@'));
        ParleyException e = assertThrows(ParleyException.class, () -> commands.runAs(ADMIN, "update_account",
                Map.of("user", user, "host", DOMAIN, "enabled", false)));
        assertEquals(ParleyException.Code.NOT_ALLOWED, e.code());
        assertTrue(accounts.user(ADMIN).enabled());
    }

    @Test
    void aCallWithoutParleyIdentityRunsAsTheSystem() {
        String jid = "cmdsys" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        accounts.createUser(jid, "pw-1", false);
        try {
            Map<String, Object> account = Map.of("user", jid.split("@")[0], "host", DOMAIN);
            assertEquals(true, commands.run("check_account", account));
            assertEquals("User " + jid + " disabled", commands.run("ban_account", account));
            assertTrue(!accounts.user(jid).enabled());
            accounts.updateUser(jid, new UserChanges(null, null, true));
            assertTrue(accounts.user(jid).enabled());
        } finally {
            accounts.deleteUser(jid);
        }
        List<String> names = commands.commands().stream().map(CommandInfo::name).toList();
        assertTrue(names.containsAll(List.of("register", "kick_session", "get_roster", "stats")), names.toString());
    }
}
