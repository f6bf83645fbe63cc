package org.parley.it.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ItConfig;
import org.parley.it.support.OtherDomain;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's actions run the admin commands: logged in as the administrator of another domain, reading,
 * creating and announcing on the test domain are refused with the command's reason; its own domain works.
 */
class ConsoleCommandPolicyIT {
    private static final String REFUSED = "administrators manage their own domain only";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static OtherDomain other;
    private static String alice;
    private static ConsoleHttp boss;

    @BeforeAll
    static void setUp() throws Exception {
        other = OtherDomain.create("cmd-console");
        alice = "cmdconsole" + UUID.randomUUID().toString().substring(0, 8) + "@" + ItConfig.domain();
        ConsoleHttp.createAccount(alice, PASSWORD);
        boss = new ConsoleHttp();
        assertEquals(302, boss.login(other.adminJid(), other.adminPassword()).statusCode());
    }

    @AfterAll
    static void tearDown() throws Exception {
        OtherDomain.send("DELETE", "/api/v1/admin/users/" + URLEncoder.encode(alice, StandardCharsets.UTF_8), null);
        other.remove();
    }

    @Test
    void anAccountOfAnotherDomainIsNotShown() throws Exception {
        HttpResponse<String> page = boss.get("/admin/user.xhtml?jid=" + URLEncoder.encode(alice, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(REFUSED), page.body());
        assertFalse(page.body().contains("toggle-enabled"), "no actions on it");
    }

    @Test
    void creatingAnAccountOfAnotherDomainIsRefused() throws Exception {
        String jid = "never" + UUID.randomUUID().toString().substring(0, 8) + "@" + ItConfig.domain();
        HttpResponse<String> r = boss.submit("/admin/users.xhtml", Map.of("create-form", "create-form",
                "new-jid", jid, "new-password", PASSWORD, "create", "Create"));
        assertTrue(r.body().contains(REFUSED), r.body());
        assertEquals("false", OtherDomain.send("POST", "/api/v1/commands/check_account", "{\"user\":\""
                + jid.split("@")[0] + "\",\"host\":\"" + ItConfig.domain() + "\"}").body());
    }

    @Test
    void theMessageOfTheDayOfAnotherDomainIsNotChanged() throws Exception {
        String before = OtherDomain.send("GET", "/api/v1/admin/announcements/motd", null).body();
        HttpResponse<String> r = boss.submit("/admin/announcements.xhtml?domain=" + ItConfig.domain(), Map.of(
                "motdForm", "motdForm", "motd", "taken over", "saveMotd", "Save"));
        assertTrue(r.body().contains(REFUSED), r.body());
        assertEquals(before, OtherDomain.send("GET", "/api/v1/admin/announcements/motd", null).body());
    }

    @Test
    void theSettingsOfAnotherDomainAreNotShownNorAddingDomains() throws Exception {
        HttpResponse<String> page = boss.get("/admin/hosts.xhtml?domain=" + ItConfig.domain());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(REFUSED), page.body());
        assertFalse(page.body().contains("id=\"saveHost\""), "no settings form");
        assertFalse(page.body().contains("id=\"addHostForm\""), "server administrators add domains");
        assertFalse(page.body().contains("remove-host"), "nor remove them");
        HttpResponse<String> own = boss.get("/admin/hosts.xhtml?domain=" + other.domain());
        assertTrue(own.body().contains("id=\"saveHost\""), "its own domain's form");
        assertTrue(own.body().matches("(?s).*id=\"maxStanzaBytes\"[^>]*disabled.*"), "a server administrators' setting");
    }

    @Test
    void aServerAdministratorSavesAnotherDomainsSettings() throws Exception {
        ConsoleHttp root = new ConsoleHttp();
        assertEquals(302, root.login(ItConfig.adminJid(), ItConfig.adminPassword()).statusCode());
        String path = "/api/v1/hosts/" + other.domain();
        Map<String, String> form = ConsoleHostSettingsIT.current(other.asAdmin("GET", path, null).body());
        form.put("maxStanzaBytes", "16384");
        HttpResponse<String> saved = root.submit("/admin/hosts.xhtml?domain=" + other.domain(), form);
        assertTrue(saved.body().contains("Saved the settings of " + other.domain()), saved.body());
        assertTrue(other.asAdmin("GET", path, null).body().contains("\"maxStanzaBytes\":16384"));
    }

    @Test
    void itsOwnDomainIsItsToManage() throws Exception {
        String jid = "mine" + UUID.randomUUID().toString().substring(0, 8) + "@" + other.domain();
        HttpResponse<String> r = boss.submit("/admin/users.xhtml", Map.of("create-form", "create-form",
                "new-jid", jid, "new-password", PASSWORD, "create", "Create"));
        assertTrue(r.body().contains("Created " + jid), r.body());
        assertEquals("true", other.asAdmin("POST", "/api/v1/commands/check_account", "{\"user\":\""
                + jid.split("@")[0] + "\",\"host\":\"" + other.domain() + "\"}").body());
    }
}
