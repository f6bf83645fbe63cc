package org.parley.application.command;

import org.junit.jupiter.api.Test;
import org.parley.api.ParleyException;
import org.parley.api.ParleyException.Code;
import org.parley.feature.offline.OfflineSettings;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.JID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy of every command, checked once in the registry for all channels. */
class CommandRegistryTest {
    static final Caller ADMIN = Caller.account(new JID("admin@example.org"), true);
    static final Caller JULIET = Caller.account(new JID("juliet@example.org"), false);
    /** An administrator of the server's own domain (server.org here). */
    static final Caller ROOT = Caller.account(new JID("root@server.org"), true, true);

    final TestServices services = new TestServices();
    final CommandRegistry registry = services.registry;

    /** Arguments for every declared argument of a command, aimed at accounts of {@code domain}. */
    static Map<String, Object> sample(AdminCommand command, String domain) {
        Map<String, Object> args = new HashMap<>();
        for (Arg arg : command.args()) {
            args.put(arg.name(), switch (arg.name()) {
                case "host", "localhost" -> domain;
                case "user", "localuser" -> "juliet";
                case "password", "newpass" -> "pw-123";
                case "resource" -> "desk";
                case "from" -> "juliet@" + domain;
                case "to" -> "romeo@" + domain;
                case "name" -> command.name().equals(HostCommands.SET) ? "maxOfflineMessages" : "registeredusers";
                case "value" -> "5";
                case "subs" -> "both";
                default -> arg.type() == ArgType.BOOLEAN ? "true" : "text";
            });
        }
        return args;
    }

    Code refusal(Caller caller, String name, Map<String, ?> args) {
        return assertThrows(ParleyException.class, () -> registry.run(caller, name, args), name).code();
    }

    @Test
    void everyCommandRefusesAnAdministratorOfAnotherDomain() {
        int checked = 0;
        for (AdminCommand c : registry.all()) {
            if (c.policy() == Policy.ANY_ADMIN) {
                continue;
            }
            assertEquals(Code.FORBIDDEN, refusal(ADMIN, c.name(), sample(c, "other.org")), c.name());
            checked++;
        }
        assertTrue(checked >= 20, "domain commands checked: " + checked);
        assertTrue(services.changes.isEmpty(), "nothing ran: " + services.changes);
        assertTrue(services.accounts.kicked.isEmpty());
        assertEquals(5, services.accounts.accounts.size());
        assertTrue(services.accounts.accounts.get("juliet@other.org").isEnabled());
        assertEquals(List.of("example.org", "other.org"), List.copyOf(services.hosts.hosts.keySet()));
        assertEquals(HostSettings.defaults("other.org"), services.hosts.hosts.get("other.org"));
    }

    @Test
    void aUserRunsOnlyWhatItsOwnAccountAllows() {
        for (AdminCommand c : registry.all()) {
            Map<String, Object> onOther = sample(c, "example.org");
            onOther.replace("user", "romeo");
            onOther.replace("localuser", "romeo");
            assertEquals(Code.FORBIDDEN, refusal(JULIET, c.name(), onOther), c.name());
            if (c.policy() != Policy.SELF_OR_DOMAIN_ADMIN) {
                assertEquals(Code.FORBIDDEN, refusal(JULIET, c.name(), sample(c, "example.org")), c.name());
            }
        }
        registry.run(JULIET, "change_password", Map.of("user", "juliet", "host", "example.org", "newpass", "n3w"));
        assertEquals("n3w", services.accounts.passwords.get("juliet@example.org"));
        assertEquals(1, ((List<?>) registry.run(JULIET, "get_roster", Map.of("user", "juliet", "host",
                "example.org"))).size());
    }

    @Test
    void anAdministratorCannotLockItselfOut() {
        Map<String, String> self = Map.of("user", "admin", "host", "example.org");
        assertEquals(Code.NOT_ALLOWED, refusal(ADMIN, "unregister", self));
        assertEquals(Code.NOT_ALLOWED, refusal(ADMIN, "ban_account", self));
        assertEquals(Code.NOT_ALLOWED, refusal(ADMIN, "update_account",
                Map.of("user", "admin", "host", "example.org", "admin", false)));
        assertEquals(Code.NOT_ALLOWED, refusal(ADMIN, "update_account",
                Map.of("user", "admin", "host", "example.org", "enabled", "false")));
        assertTrue(services.accounts.accounts.get("admin@example.org").isAdmin());
        registry.run(ADMIN, "update_account", Map.of("user", "admin", "host", "example.org", "password", "x2"));
        assertEquals("x2", services.accounts.passwords.get("admin@example.org"));
        // the system is no account: it may act on any
        registry.run(Caller.SYSTEM, "ban_account", self);
        assertFalse(services.accounts.accounts.get("admin@example.org").isEnabled());
    }

    @Test
    void anAdministratorRunsCommandsOnItsDomain() {
        assertEquals("User alice@example.org successfully registered", registry.run(ADMIN, "register",
                Map.of("user", "alice", "host", "example.org", "password", "pw", "admin", true)));
        assertTrue(services.accounts.accounts.get("alice@example.org").isAdmin());
        assertEquals(true, registry.run(ADMIN, "check_account", Map.of("user", "alice", "host", "example.org")));
        assertEquals(List.of("admin@example.org", "alice@example.org", "juliet@example.org", "romeo@example.org"),
                registry.run(ADMIN, "registered_users", Map.of()), "host defaults to the caller's domain");
        registry.run(ADMIN, "unregister", Map.of("user", "alice", "host", "example.org"));
        assertFalse(services.accounts.accounts.containsKey("alice@example.org"));
        registry.run(ADMIN, "add_rosteritem", Map.of("localuser", "juliet", "localhost", "example.org",
                "user", "romeo", "host", "example.org", "group", "Friends; Verona"));
        assertEquals(List.of("roster juliet@example.org romeo@example.org [Friends, Verona]"), services.changes);
        assertEquals(3L, registry.run(ADMIN, "stats_host", Map.of("name", "registeredusers")));
    }

    @Test
    void serverWideCommandsAreForAnyAdministrator() {
        Caller otherAdmin = Caller.account(new JID("admin@other.org"), true);
        assertEquals(5L, registry.run(otherAdmin, "stats", Map.of("name", "registeredusers")));
        assertEquals(42L, registry.run(Caller.SYSTEM, "stats", Map.of("name", "uptimeseconds")));
        assertEquals("Parley is running in that node", registry.run(otherAdmin, "status", Map.of()));
        assertEquals(Code.FORBIDDEN, refusal(JULIET, "status", Map.of()));
        assertEquals(Code.INVALID, refusal(ADMIN, "stats", Map.of("name", "processes")));
    }

    @Test
    void argumentsAreCheckedAgainstTheDeclaration() {
        ParleyException unknown = assertThrows(ParleyException.class, () -> registry.run(ADMIN, "check_account",
                Map.of("user", "juliet", "host", "example.org", "colour", "red")));
        assertEquals(Code.INVALID, unknown.code());
        assertEquals("colour", unknown.field());
        ParleyException missing = assertThrows(ParleyException.class,
                () -> registry.run(ADMIN, "register", Map.of("user", "x", "host", "example.org")));
        assertEquals("password", missing.field());
        ParleyException type = assertThrows(ParleyException.class, () -> registry.run(ADMIN, "register",
                Map.of("user", "x", "host", "example.org", "password", "p", "admin", "perhaps")));
        assertEquals("admin", type.field());
        ParleyException badJid = assertThrows(ParleyException.class,
                () -> registry.run(ADMIN, "check_account", Map.of("user", "a b", "host", "example.org")));
        assertEquals(Code.INVALID, badJid.code());
        assertEquals("user", badJid.field());
        assertEquals(Code.NOT_FOUND, refusal(ADMIN, "no_such_command", Map.of()));
        assertEquals(Code.INVALID, refusal(Caller.SYSTEM, "registered_users", Map.of()),
                "the system has no domain of its own");
    }

    @Test
    void serviceRefusalsReachTheCallerUnwrapped() {
        // FakeAccounts wraps its refusals in EJBException, as the container does
        assertEquals(Code.CONFLICT, refusal(ADMIN, "register",
                Map.of("user", "juliet", "host", "example.org", "password", "p")));
        assertEquals(Code.NOT_FOUND, refusal(ADMIN, "unregister", Map.of("user", "nobody", "host", "example.org")));
    }

    @Test
    void theCommandsHaveEjabberdctlNames() {
        List<String> names = registry.all().stream().map(AdminCommand::name).toList();
        assertTrue(names.containsAll(List.of("register", "unregister", "change_password", "check_account",
                "check_password", "connected_users", "connected_users_number", "registered_users", "kick_session",
                "set_motd", "delete_motd", "announce", "stats", "status", "user_sessions_info", "add_rosteritem",
                "delete_rosteritem", "get_roster", "ban_account")), names.toString());
    }

    @Test
    void aServerAdministratorManagesEveryDomain() {
        assertEquals("maxStanzaBytes of other.org set", registry.run(ROOT, HostCommands.SET,
                Map.of("host", "other.org", "name", "maxStanzaBytes", "value", 8192)));
        assertEquals(8192, services.hosts.get("other.org").get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals(8192, ((Map<?, ?>) registry.run(ROOT, "get_host_settings", Map.of("host", "other.org")))
                .get("maxStanzaBytes"));
        assertEquals("Host new.org added", registry.run(ROOT, "add_host",
                Map.of("host", "New.Org", "admin", "boss@new.org", "password", "pw-boss")));
        assertEquals(List.of("boss@new.org"), services.hosts.admins);
        assertEquals(List.of("example.org", "other.org", "new.org"), registry.run(ROOT, "registered_vhosts", Map.of()));
        assertEquals(Code.CONFLICT, refusal(ROOT, "add_host", Map.of("host", "new.org")));
        registry.run(ROOT, "remove_host", Map.of("host", "new.org"));
        assertFalse(services.hosts.hosts.containsKey("new.org"));
        assertEquals(Code.NOT_ALLOWED, refusal(ROOT, "remove_host", Map.of("host", "server.org")),
                "not the domain it is logged in with");
        assertEquals(Code.NOT_FOUND, refusal(ROOT, "get_host_settings", Map.of("host", "nowhere.org")));
    }

    @Test
    void aDomainAdministratorManagesItsOwnSettingsButNotServerSettings() {
        registry.run(ADMIN, HostCommands.SET, Map.of("host", "example.org", "name", "maxOfflineMessages",
                "value", "7"));
        assertEquals(7, services.hosts.get("example.org").get(OfflineSettings.MAX_OFFLINE_MESSAGES));
        ParleyException serverOnly = assertThrows(ParleyException.class, () -> registry.run(ADMIN, HostCommands.SET,
                Map.of("host", "example.org", "name", "maxStanzaBytes", "value", "8192")));
        assertEquals(Code.FORBIDDEN, serverOnly.code());
        assertEquals("name", serverOnly.field());
        assertEquals(262144, services.hosts.get("example.org").get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals(Code.FORBIDDEN, refusal(ADMIN, "get_host_settings", Map.of("host", "other.org")));
        assertEquals(Code.FORBIDDEN, refusal(ADMIN, "add_host", Map.of("host", "mine.org")));
        assertEquals(Code.FORBIDDEN, refusal(ADMIN, "remove_host", Map.of("host", "example.org")));
        assertEquals(List.of("example.org", "other.org"), registry.run(ADMIN, "registered_vhosts", Map.of()),
                "the served domains are a server-wide read");
        assertEquals(7, ((Map<?, ?>) registry.run(ADMIN, "get_host_settings", Map.of())).get("maxOfflineMessages"),
                "host defaults to its own domain");
    }

    @Test
    void settingValuesAreCheckedByTheirDescriptor() {
        Map<String, Object> args = new HashMap<>(Map.of("host", "other.org", "name", "maxStanzaBytes"));
        for (Object bad : List.of("10", "lots", 1.5)) {
            args.put("value", bad);
            ParleyException e = assertThrows(ParleyException.class, () -> registry.run(ROOT, HostCommands.SET, args));
            assertEquals(Code.INVALID, e.code(), String.valueOf(bad));
            assertEquals("value", e.field());
        }
        ParleyException unknown = assertThrows(ParleyException.class, () -> registry.run(ROOT, HostCommands.SET,
                Map.of("host", "other.org", "name", "colour", "value", "red")));
        assertEquals("name", unknown.field());
        registry.run(ROOT, HostCommands.SET, Map.of("host", "other.org", "name", "abuseAddresses",
                "value", "mailto:abuse@other.org xmpp:abuse@other.org"));
        assertEquals(List.of("mailto:abuse@other.org", "xmpp:abuse@other.org"),
                ((Map<?, ?>) registry.run(ROOT, "get_host_settings", Map.of("host", "other.org"))).get("abuseAddresses"));
        registry.run(ROOT, HostCommands.SET, Map.of("host", "other.org", "name", "abuseAddresses"));
        assertEquals(HostSettings.defaults("other.org"), services.hosts.get("other.org"), "no value: the default");
    }

    @Test
    void aChangeOfSeveralSettingsIsCheckedPerChangedSetting() {
        HostSettings before = services.hosts.get("example.org");
        HostSettings sameLimit = before.with(OfflineSettings.MAX_OFFLINE_MESSAGES, 9);
        HostCommands.authorizeChanges(registry, ADMIN, before, sameLimit);
        HostSettings both = sameLimit.with(StreamSettings.MAX_STANZA_BYTES, 8192);
        ParleyException e = assertThrows(ParleyException.class,
                () -> HostCommands.authorizeChanges(registry, ADMIN, before, both));
        assertEquals(Code.FORBIDDEN, e.code());
        assertEquals("maxStanzaBytes", e.field(), "the refusal names the setting");
        HostCommands.authorizeChanges(registry, ROOT, before, both);
        assertEquals(Code.FORBIDDEN, assertThrows(ParleyException.class, () -> HostCommands.authorizeChanges(
                registry, ADMIN, HostSettings.defaults("other.org"), HostSettings.defaults("other.org"))).code(),
                "nothing changed, still not its domain");
    }
}
