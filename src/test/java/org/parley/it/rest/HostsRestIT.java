package org.parley.it.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;
import static org.parley.it.rest.RestClient.assertError;

/**
 * /api/v1/hosts: list, settings, adding and removing domains, broadcasts. The test admin is a server
 * administrator (of parley.admin.jid's domain): it manages every domain; a domain's own admin only its domain.
 */
class HostsRestIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static String user;
    private final RestClient admin = RestClient.admin();

    @BeforeAll
    static void account() throws Exception {
        user = RestClient.newUser("hosts", PASSWORD);
    }

    @AfterAll
    static void cleanup() throws Exception {
        RestClient.deleteUser(user);
    }

    @Test
    void listsTheDomainsAndWhichTheAdminManages() throws Exception {
        HttpResponse<String> r = admin.get("/api/v1/hosts");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("{\"domain\":\"" + DOMAIN + "\",\"managed\":true}"), r.body());
    }

    @Test
    void readsAndChangesTheSettingsOfItsDomain() throws Exception {
        HttpResponse<String> before = admin.get("/api/v1/hosts/" + DOMAIN);
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(before.body().contains("\"tlsMode\":"), before.body());
        int offline = Integer.parseInt(before.body().replaceAll(".*\"maxOfflineMessages\":(\\d+).*", "$1"));
        try {
            HttpResponse<String> r = admin.put("/api/v1/hosts/" + DOMAIN,
                    "{\"maxOfflineMessages\":" + (offline + 7) + ",\"motd\":\"hello from REST\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"maxOfflineMessages\":" + (offline + 7)), r.body());
            HttpResponse<String> again = admin.get("/api/v1/hosts/" + DOMAIN);
            assertTrue(again.body().contains("\"motd\":\"hello from REST\""), again.body());
        } finally {
            admin.put("/api/v1/hosts/" + DOMAIN, "{\"maxOfflineMessages\":" + offline + ",\"motd\":null}");
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirField() throws Exception {
        String path = "/api/v1/hosts/" + DOMAIN;
        assertError(admin.put(path, "{\"tlsMode\":\"SOMETIMES\"}"), 400, "tlsMode");
        assertError(admin.put(path, "{\"maxStanzaBytes\":10}"), 400, "maxStanzaBytes");
        assertError(admin.put(path, "{\"maxOfflineMessages\":-1}"), 400, "maxOfflineMessages");
        assertError(admin.put(path, "{\"autoApprove\":\"yes\"}"), 400, "autoApprove");
        assertError(admin.put(path, "{\"motd\":\"" + "m".repeat(4001) + "\"}"), 400, "motd");
        assertError(admin.put(path, "{\"colour\":\"blue\"}"), 400, "colour");
        assertError(admin.put(path, "{\"mucEnabled\":true}"), 400, "mucEnabled");
        assertError(admin.put(path, "{\"federationEnabled\":false}"), 400, "federationEnabled");
        assertError(admin.put(path, "{\"abuseAddresses\":[\"abuse at example\"]}"), 400, "abuseAddresses");
        assertError(admin.put(path, "{\"abuseAddresses\":\"mailto:a@example.org\"}"), 400, "abuseAddresses");
        assertError(admin.put(path, "not json"), 400, null);
        assertTrue(admin.get(path).body().contains("\"tlsMode\":"), "settings still readable");
    }

    @Test
    void addsAndRemovesADomain() throws Exception {
        String domain = "rest-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        HttpResponse<String> created = admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/hosts/" + domain));
        assertTrue(created.body().contains("\"domain\":\"" + domain + "\""), created.body());
        assertTrue(admin.get("/api/v1/hosts").body().contains("{\"domain\":\"" + domain + "\",\"managed\":true}"),
                "a server administrator manages every domain");
        assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\"}"), 409, "domain");
        assertTrue(admin.get("/api/v1/hosts/" + domain).body().contains("\"maxStanzaBytes\":262144"));
        assertEquals(204, admin.delete("/api/v1/hosts/" + domain).statusCode());
        assertError(admin.delete("/api/v1/hosts/" + domain), 404, "domain");
    }

    @Test
    void settingsWithoutAServiceAreNotShown() throws Exception {
        String body = admin.get("/api/v1/hosts/" + DOMAIN).body();
        assertTrue(body.contains("\"supportAddresses\":[]"), body);
        assertTrue(!body.contains("mucEnabled") && !body.contains("federationEnabled"), body);
    }

    /** maxStanzaBytes is reserved to server administrators (those of parley.admin.jid's domain). */
    @Test
    void anotherDomainsAdminCannotChangeAServerAdminSetting() throws Exception {
        String domain = "lim-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String chief = "chief@" + domain;
        assertEquals(201, admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":{\"jid\":\""
                + chief + "\",\"password\":\"" + PASSWORD + "\"}}").statusCode());
        try {
            RestClient own = RestClient.as(chief, PASSWORD);
            String path = "/api/v1/hosts/" + domain;
            assertError(own.put(path, "{\"maxStanzaBytes\":8192}"), 403, "maxStanzaBytes");
            assertTrue(own.get(path).body().contains("\"maxStanzaBytes\":262144"), "unchanged");
            HttpResponse<String> same = own.put(path, "{\"maxStanzaBytes\":262144,\"maxOfflineMessages\":9}");
            assertEquals(200, same.statusCode(), "an unchanged value and a domain setting: " + same.body());
            assertTrue(same.body().contains("\"maxOfflineMessages\":9"), same.body());
            HttpResponse<String> byServerAdmin = admin.put(path, "{\"maxStanzaBytes\":8192}");
            assertEquals(200, byServerAdmin.statusCode(), "a server administrator: " + byServerAdmin.body());
            assertTrue(own.get(path).body().contains("\"maxStanzaBytes\":8192"));
            // the domain's admin manages its own domain only, and adds or removes none
            assertTrue(own.get("/api/v1/hosts").body().contains("{\"domain\":\"" + DOMAIN + "\",\"managed\":false}"));
            assertError(own.get("/api/v1/hosts/" + DOMAIN), 403, "domain");
            assertError(own.put("/api/v1/hosts/" + DOMAIN, "{\"maxOfflineMessages\":1}"), 403, "domain");
            assertError(own.post("/api/v1/hosts", "{\"domain\":\"x." + domain + "\"}"), 403, "domain");
            assertError(own.delete("/api/v1/hosts/" + DOMAIN), 403, "domain");
            assertError(own.post("/api/v1/hosts/" + DOMAIN + "/broadcast", "{\"body\":\"x\"}"), 403, "domain");
            String openapi = RestClient.anonymous().get("/api/openapi").body();
            assertTrue(openapi.contains("\n        maxStanzaBytes:\n") && openapi.contains("x-changed-by: server administrators"),
                    openapi);
        } finally {
            admin.delete("/api/v1/hosts/" + domain); // its account stays stored, as for every removed domain
        }
    }

    @Test
    void refusals() throws Exception {
        assertError(admin.post("/api/v1/hosts", "{}"), 400, "domain");
        assertError(admin.post("/api/v1/hosts", "{\"domain\":\"a b@c\"}"), 400, "domain");
        assertError(admin.delete("/api/v1/hosts/" + DOMAIN), 409, "domain");
        assertError(admin.get("/api/v1/hosts/other.example"), 404, "domain");
        assertError(admin.put("/api/v1/hosts/other.example", "{}"), 404, "domain");
        assertError(admin.delete("/api/v1/hosts/other.example"), 404, "domain");
        assertError(RestClient.anonymous().get("/api/v1/hosts"), 401, null);
        assertError(RestClient.as(RestClient.ADMIN, "wrong").get("/api/v1/hosts"), 401, null);
        assertError(RestClient.as(user, PASSWORD).get("/api/v1/hosts"), 403, null);
        assertError(RestClient.as(user, PASSWORD).post("/api/v1/hosts", "{\"domain\":\"x.example\"}"), 403, null);
    }

    @Test
    void broadcastsToItsDomain() throws Exception {
        HttpResponse<String> r = admin.post("/api/v1/hosts/" + DOMAIN + "/broadcast",
                "{\"subject\":\"maintenance\",\"body\":\"back soon\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().matches("\\{\"sent\":\\d+}"), r.body());
        assertError(admin.post("/api/v1/hosts/" + DOMAIN + "/broadcast", "{\"subject\":\"x\"}"), 400, "body");
        assertError(admin.post("/api/v1/hosts/other.example/broadcast", "{\"body\":\"x\"}"), 403, "domain");
        assertError(admin.post("/api/v1/hosts/" + DOMAIN + "/broadcast", "{\"body\":\"x\",\"subject\":3}"), 400,
                "subject");
    }
}
