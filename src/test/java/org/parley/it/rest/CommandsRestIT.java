package org.parley.it.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.it.support.ForeignCommands;
import org.parley.it.support.OtherDomain;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;
import static org.parley.it.rest.RestClient.assertError;
import static org.parley.it.rest.RestClient.enc;

/**
 * The admin commands over REST: {@code GET /api/v1/commands} lists them, {@code POST /api/v1/commands/{name}}
 * runs them, and the command's policy refuses an administrator of another domain on the generic endpoint and on
 * the resource paths that run the same commands.
 */
class CommandsRestIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static OtherDomain other;
    private static String alice;
    private static RestClient boss;
    private final RestClient admin = RestClient.admin();

    @BeforeAll
    static void setUp() throws Exception {
        other = OtherDomain.create("cmd-rest");
        boss = RestClient.as(other.adminJid(), other.adminPassword());
        alice = RestClient.newUser("cmdrest", PASSWORD);
    }

    @AfterAll
    static void tearDown() throws Exception {
        RestClient.deleteUser(alice);
        other.remove();
    }

    static List<ForeignCommands.Call> foreign() {
        return ForeignCommands.on(DOMAIN, alice.substring(0, alice.indexOf('@')));
    }

    @ParameterizedTest
    @MethodSource("foreign")
    void anAdministratorOfAnotherDomainIsRefused(ForeignCommands.Call call) throws Exception {
        HttpResponse<String> r = boss.post("/api/v1/commands/" + call.name(), call.json());
        assertError(r, 403, null);
        assertTrue(admin.post("/api/v1/commands/check_account", "{\"user\":\"" + alice.split("@")[0]
                + "\",\"host\":\"" + DOMAIN + "\"}").body().equals("true"), "the account is untouched");
    }

    @Test
    void theResourcePathsRunTheSameCommands() throws Exception {
        String user = "/api/v1/admin/users/" + enc(alice);
        assertError(boss.get(user), 403, "jid");
        assertError(boss.patch(user, "{\"enabled\":false}"), 403, "jid");
        assertError(boss.delete(user), 403, "jid");
        assertError(boss.get("/api/v1/admin/sessions?domain=" + DOMAIN), 403, "domain");
        assertError(boss.delete("/api/v1/admin/sessions/" + enc(alice)), 403, "jid");
        assertError(boss.put("/api/v1/admin/announcements/motd", "{\"motd\":\"m\",\"domain\":\"" + DOMAIN + "\"}"),
                403, "domain");
        assertError(boss.post("/api/v1/admin/users", "{\"jid\":\"x@" + DOMAIN + "\",\"password\":\"p\"}"), 403, "jid");
        String roster = "/api/v1/users/" + enc(alice) + "/roster";
        assertError(boss.get(roster), 403, "jid");
        assertError(boss.put(roster + "/bob%40" + DOMAIN, "{\"name\":\"Bob\"}"), 403, "jid");
        assertError(boss.delete(roster + "/bob%40" + DOMAIN), 403, "jid");
        assertError(boss.post("/api/v1/messages", "{\"from\":\"" + alice + "\",\"to\":\"" + alice
                + "\",\"body\":\"b\"}"), 403, "from");
        // its own domain is its to manage
        assertEquals(200, boss.post("/api/v1/commands/registered_users", "{}").statusCode());
    }

    @Test
    void aServerAdministratorManagesEveryDomainsSettings() throws Exception {
        String limit = "{\"host\":\"" + other.domain() + "\",\"name\":\"maxStanzaBytes\",\"value\":8192}";
        assertError(boss.post("/api/v1/commands/set_host_setting", limit), 403, "name");
        HttpResponse<String> set = admin.post("/api/v1/commands/set_host_setting", limit);
        assertEquals(200, set.statusCode(), set.body());
        HttpResponse<String> read = boss.post("/api/v1/commands/get_host_settings", "{}");
        assertTrue(read.body().contains("\"maxStanzaBytes\":8192"), "its own domain's, changed: " + read.body());
        assertError(admin.post("/api/v1/commands/set_host_setting", "{\"host\":\"" + other.domain()
                + "\",\"name\":\"maxStanzaBytes\",\"value\":\"lots\"}"), 400, "value");
        assertTrue(boss.post("/api/v1/commands/registered_vhosts", "{}").body().contains("\"" + DOMAIN + "\""));
    }

    @Test
    void theListingDeclaresEveryCommand() throws Exception {
        HttpResponse<String> r = admin.get("/api/v1/commands");
        assertEquals(200, r.statusCode(), r.body());
        for (ForeignCommands.Call c : foreign()) {
            assertTrue(r.body().contains("{\"name\":\"" + c.name() + "\",\"description\""), c.name());
        }
        assertTrue(r.body().contains("{\"name\":\"status\",\"description\""));
        assertTrue(r.body().contains("{\"name\":\"user\",\"type\":\"string\""), "typed arguments: " + r.body());
        assertTrue(r.body().contains("\"policy\":{\"name\":\"domain_admin_not_self\""), r.body());
    }

    @Test
    void anAdministratorRunsCommandsOnItsDomain() throws Exception {
        String name = "cmd" + UUID.randomUUID().toString().substring(0, 8);
        String account = "{\"user\":\"" + name + "\",\"host\":\"" + DOMAIN + "\"}";
        HttpResponse<String> created = admin.post("/api/v1/commands/register", "{\"user\":\"" + name
                + "\",\"host\":\"" + DOMAIN + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("\"User " + name + "@" + DOMAIN + " successfully registered\"", created.body());
        assertEquals("true", admin.post("/api/v1/commands/check_account", account).body());
        assertEquals("true", admin.post("/api/v1/commands/check_password", "{\"user\":\"" + name + "\",\"host\":\""
                + DOMAIN + "\",\"password\":\"" + PASSWORD + "\"}").body());
        assertTrue(admin.post("/api/v1/commands/registered_users", "{}").body().contains(name + "@" + DOMAIN));
        assertTrue(admin.post("/api/v1/commands/user_info", account).body().contains("\"enabled\":true"));
        assertEquals("0", admin.post("/api/v1/commands/kick_user", account).body());
        assertEquals(200, admin.post("/api/v1/commands/unregister", account).statusCode());
        assertEquals("false", admin.post("/api/v1/commands/check_account", account).body());
        assertTrue(admin.post("/api/v1/commands/stats", "{\"name\":\"registeredusers\"}").body().matches("\\d+"));
        assertEquals("\"Parley is running in that node\"", admin.send("POST", "/api/v1/commands/status").body());
    }

    @Test
    void refusalsUseTheApiErrorBody() throws Exception {
        String self = "{\"user\":\"" + RestClient.ADMIN.split("@")[0] + "\",\"host\":\"" + DOMAIN + "\"}";
        assertError(admin.post("/api/v1/commands/unregister", self), 409, "user");
        assertError(admin.post("/api/v1/commands/no_such_command", "{}"), 404, "command");
        assertError(admin.post("/api/v1/commands/check_account", "{\"user\":\"a\"}"), 400, "host");
        assertError(admin.post("/api/v1/commands/check_account", "{\"user\":\"a\",\"host\":\"" + DOMAIN
                + "\",\"colour\":\"red\"}"), 400, "colour");
        assertError(admin.post("/api/v1/commands/register", "{\"user\":\"a\",\"host\":\"" + DOMAIN
                + "\",\"password\":\"p\",\"admin\":\"perhaps\"}"), 400, "admin");
        assertError(admin.post("/api/v1/commands/registered_users", "[1]"), 400, null);
        assertError(RestClient.anonymous().send("POST", "/api/v1/commands/status"), 401, null);
    }
}
