package org.parley.it.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.it.support.ForeignCommands;
import org.parley.it.support.OtherDomain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;

/** bin/parleyctl as an operator runs it: a subprocess with credentials in its environment. */
class ParleyctlIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static OtherDomain other;
    private static String alice;

    /** What a run printed and its exit status. */
    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        other = OtherDomain.create("cmd-cli");
        alice = RestClient.newUser("cmdcli", PASSWORD);
    }

    @AfterAll
    static void tearDown() throws Exception {
        RestClient.deleteUser(alice);
        other.remove();
    }

    static Run parleyctl(Map<String, String> env, String stdin, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of("bin", "parleyctl").toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PARLEY_API_KEY");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread e = new Thread(() -> copy(p.getErrorStream(), err));
        e.start();
        copy(p.getInputStream(), out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "parleyctl " + args + " ended");
        e.join();
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    static Run as(String jid, String password, String... args) throws Exception {
        return parleyctl(Map.of("PARLEY_URL", RestClient.BASE, "PARLEY_ADMIN", jid, "PARLEY_ADMIN_PASSWORD", password),
                "", List.of(args));
    }

    static Run admin(String... args) throws Exception {
        return as(RestClient.ADMIN, RestClient.ADMIN_PASSWORD, args);
    }

    static List<ForeignCommands.Call> foreign() {
        return ForeignCommands.on(DOMAIN, alice.substring(0, alice.indexOf('@')));
    }

    @ParameterizedTest
    @MethodSource("foreign")
    void anAdministratorOfAnotherDomainIsRefused(ForeignCommands.Call call) throws Exception {
        List<String> args = new ArrayList<>(List.of(call.name()));
        args.addAll(call.positional());
        Run r = as(other.adminJid(), other.adminPassword(), args.toArray(String[]::new));
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().startsWith("parleyctl: forbidden: "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anAdministratorRegistersListsAndRemovesAccounts() throws Exception {
        String name = "cli" + UUID.randomUUID().toString().substring(0, 8);
        Run registered = parleyctl(Map.of("PARLEY_URL", RestClient.BASE, "PARLEY_ADMIN", RestClient.ADMIN,
                "PARLEY_ADMIN_PASSWORD", RestClient.ADMIN_PASSWORD), PASSWORD + "\n", List.of("register", name, DOMAIN));
        assertEquals(0, registered.status(), registered.toString());
        assertEquals("User " + name + "@" + DOMAIN + " successfully registered\n", registered.out());
        assertEquals(0, admin("check_account", name, DOMAIN).status());
        assertEquals(0, admin("check_password", name, DOMAIN, PASSWORD).status(), "the password came from stdin");
        assertTrue(admin("registered_users", DOMAIN).out().lines().toList().contains(name + "@" + DOMAIN));
        assertTrue(admin("registered_users").out().contains(name + "@" + DOMAIN), "host defaults to the admin's");
        assertEquals("0\n", admin("connected_users_number", DOMAIN).out());
        Run info = admin("user_info", name, DOMAIN);
        assertTrue(info.out().contains("enabled\ttrue\n"), info.out());
        assertEquals(0, admin("unregister", name, DOMAIN).status());
        Run gone = admin("check_account", name, DOMAIN);
        assertEquals(1, gone.status(), "ejabberdctl: a false check is status 1");
        assertEquals("", gone.out());
    }

    @Test
    void aServerAdministratorManagesHostsAndEveryDomainsSettings() throws Exception {
        Run refused = as(other.adminJid(), other.adminPassword(), "set_host_setting", other.domain(),
                "maxStanzaBytes", "8192");
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("maxStanzaBytes is changed by server administrators only"), refused.err());
        assertEquals(0, admin("set_host_setting", other.domain(), "maxStanzaBytes", "8192").status());
        Run settings = as(other.adminJid(), other.adminPassword(), "get_host_settings");
        assertTrue(settings.out().contains("maxStanzaBytes\t8192\n"), settings.out());
        Run bad = admin("set_host_setting", other.domain(), "maxStanzaBytes", "lots");
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("parleyctl: maxStanzaBytes "), bad.err());
        String domain = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Run added = admin("add_host", domain);
        assertEquals("Host " + domain + " added\n", added.out(), added.toString());
        assertTrue(admin("registered_vhosts").out().lines().toList().contains(domain));
        assertEquals(0, admin("remove_host", domain).status());
        assertFalse(admin("registered_vhosts").out().lines().toList().contains(domain));
        Run own = admin("remove_host", DOMAIN);
        assertEquals(1, own.status(), "not the domain it is logged in with");
    }

    @Test
    void helpListsEveryCommandTheServerHas() throws Exception {
        Run help = admin("help");
        assertEquals(0, help.status(), help.toString());
        for (ForeignCommands.Call c : foreign()) {
            assertTrue(help.out().contains("  " + c.name() + " "), c.name());
        }
        Run register = admin("help", "register");
        assertTrue(register.out().contains("Arguments: USER HOST PASSWORD [ADMIN]"), register.out());
        assertTrue(register.out().contains("Who may run it: an administrator of the target's domain"));
    }

    @Test
    void exitCodesAreThoseOfEjabberdctl() throws Exception {
        Run status = admin("status");
        assertEquals(0, status.status());
        assertEquals("Parley is running in that node\n", status.out());
        Run unknown = admin("no_such_command");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown command: no_such_command"), unknown.err());
        assertEquals(2, admin("check_account", "only-one-argument").status(), "usage");
        Run self = admin("unregister", RestClient.ADMIN.split("@")[0], DOMAIN);
        assertEquals(1, self.status());
        assertTrue(self.err().contains("your own account"), self.err());
        Run wrong = as(RestClient.ADMIN, "wrong-" + PASSWORD, "status");
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().contains("authentication failed for " + RestClient.ADMIN), wrong.err());
        Run down = parleyctl(Map.of("PARLEY_URL", "http://127.0.0.1:9", "PARLEY_ADMIN", RestClient.ADMIN,
                "PARLEY_ADMIN_PASSWORD", RestClient.ADMIN_PASSWORD), "", List.of("status"));
        assertEquals(3, down.status(), down.toString());
        assertTrue(down.err().contains("Failed RPC connection"), down.err());
        Run noCredentials = parleyctl(Map.of("PARLEY_URL", RestClient.BASE, "PARLEY_ADMIN", "",
                "PARLEY_ADMIN_PASSWORD", ""), "", List.of("status"));
        assertEquals(1, noCredentials.status());
        assertFalse(noCredentials.err().isEmpty());
    }
}
