package org.parley.it.rest;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Await;
import org.parley.it.support.Clients;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;
import static org.parley.it.rest.RestClient.assertError;
import static org.parley.it.rest.RestClient.enc;

/** /api/v1/admin/users/{jid}, the paged account list, sessions by user and ending sessions. */
class UsersRestIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static String plain;
    private final RestClient admin = RestClient.admin();

    @BeforeAll
    static void account() throws Exception {
        plain = RestClient.newUser("plain", PASSWORD);
    }

    @AfterAll
    static void cleanup() throws Exception {
        RestClient.deleteUser(plain);
    }

    private static String user(String jid) {
        return "/api/v1/admin/users/" + enc(jid);
    }

    @Test
    void readsChangesAndDeletesOneAccount() throws Exception {
        String jid = RestClient.newUser("one", "first-pw");
        HttpResponse<String> r = admin.get(user(jid));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"jid\":\"" + jid + "\",\"enabled\":true,\"admin\":false"), r.body());

        r = admin.patch(user(jid), "{\"admin\":true,\"password\":\"second-pw\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"admin\":true"), r.body());
        assertEquals(200, RestClient.as(jid, "second-pw").get("/api/v1/hosts").statusCode(), "new password, admin");
        assertError(RestClient.as(jid, "first-pw").get("/api/v1/hosts"), 401, null);

        r = admin.put(user(jid), "{\"admin\":false}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(admin.get(user(jid)).body().contains("\"admin\":false"));

        assertEquals(204, admin.delete(user(jid)).statusCode());
        assertError(admin.get(user(jid)), 404, "jid");
        assertError(admin.patch(user(jid), "{\"enabled\":false}"), 404, "jid");
        assertError(admin.delete(user(jid)), 404, "jid");
    }

    @Test
    void disablingEndsTheSessionsAndRefusesLogins() throws Exception {
        String jid = RestClient.newUser("dis", PASSWORD);
        String name = jid.substring(0, jid.indexOf('@'));
        XMPPTCPConnection c = Clients.connected(name, PASSWORD, "r1");
        try {
            c.login();
            Await.until("the session is listed", () -> sessionsOf(jid).contains(jid + "/r1"));
            HttpResponse<String> r = admin.patch(user(jid), "{\"enabled\":false}");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"enabled\":false"), r.body());
            Await.until("the session ends", () -> !c.isConnected());
            assertFalse(sessionsOf(jid).contains(jid));
            assertEquals(200, admin.patch(user(jid), "{\"enabled\":true}").statusCode());
        } finally {
            Clients.close(c);
            RestClient.deleteUser(jid);
        }
    }

    private String sessionsOf(String jid) {
        try {
            return admin.get("/api/v1/admin/sessions?user=" + enc(jid)).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badChangesAreRefusedWithTheirField() throws Exception {
        String path = user(plain);
        assertError(admin.patch(path, "{\"enabled\":\"no\"}"), 400, "enabled");
        assertError(admin.patch(path, "{\"admin\":1}"), 400, "admin");
        assertError(admin.patch(path, "{\"password\":\"\"}"), 400, "password");
        assertError(admin.patch(path, "{\"password\":42}"), 400, "password");
        assertError(admin.patch(path, "{\"password\":\"" + "p".repeat(1025) + "\"}"), 400, "password");
        assertError(admin.patch(path, "{\"colour\":\"blue\"}"), 400, "colour");
        assertError(admin.patch(path, "[1,2"), 400, null);
        assertError(admin.patch(path, "\"text\""), 400, null);
        assertError(admin.get(user("not a jid@@")), 400, "jid");
        assertError(admin.get(user("x".repeat(2000) + "@" + DOMAIN)), 400, "jid");
        assertError(admin.get(user("someone@other.example")), 403, "jid");
        assertError(admin.patch(user(RestClient.ADMIN), "{\"enabled\":false}"), 409, "enabled");
        assertError(admin.patch(user(RestClient.ADMIN), "{\"admin\":false}"), 409, "admin");
        assertError(admin.delete(user(RestClient.ADMIN)), 409, "jid");
        assertTrue(admin.get(path).body().contains("\"enabled\":true"), "unchanged");
    }

    @Test
    void needsAnAuthenticatedAdministrator() throws Exception {
        RestClient nobody = RestClient.anonymous();
        RestClient user = RestClient.as(plain, PASSWORD);
        for (RestClient c : new RestClient[] {nobody, user}) {
            int status = c == nobody ? 401 : 403;
            assertError(c.get(user(plain)), status, null);
            assertError(c.patch(user(plain), "{\"admin\":true}"), status, null);
            assertError(c.delete(user(plain)), status, null);
            assertError(c.get("/api/v1/admin/sessions?user=" + enc(plain)), status, null);
            assertError(c.delete("/api/v1/admin/sessions/" + enc(plain)), status, null);
        }
        assertTrue(admin.get(user(plain)).body().contains("\"admin\":false"));
    }

    @Test
    void pagesTheAccountListAndChecksOffsetAndLimit() throws Exception {
        HttpResponse<String> all = admin.get("/api/v1/admin/users?limit=10000");
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains("\"jid\":\"" + plain + "\""), all.body());
        HttpResponse<String> one = admin.get("/api/v1/admin/users?offset=1&limit=1");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"offset\":1"), one.body());
        assertEquals(1, one.body().split("\"created\"").length - 1, one.body());
        assertError(admin.get("/api/v1/admin/users?offset=-1"), 400, "offset");
        assertError(admin.get("/api/v1/admin/users?offset=abc"), 400, "offset");
        assertError(admin.get("/api/v1/admin/users?limit=0"), 400, "limit");
        assertError(admin.get("/api/v1/admin/users?limit=10001"), 400, "limit");
        assertError(admin.get("/api/v1/admin/users?limit=99999999999999999999"), 400, "limit");
        assertError(admin.get("/api/v1/admin/users?domain=other.example"), 403, "domain");
    }

    @Test
    void listsSessionsByUserAndEndsOneResourceOrAll() throws Exception {
        String name = plain.substring(0, plain.indexOf('@'));
        XMPPTCPConnection a = Clients.connected(name, PASSWORD, "ra");
        XMPPTCPConnection b = Clients.connected(name, PASSWORD, "rb");
        try {
            a.login();
            b.login();
            Await.until("both sessions", () -> sessionsOf(plain).contains("/ra") && sessionsOf(plain).contains("/rb"));
            HttpResponse<String> byDomain = admin.get("/api/v1/admin/sessions?domain=" + DOMAIN);
            assertTrue(byDomain.body().contains("\"jid\":\"" + plain + "/ra\""), byDomain.body());

            HttpResponse<String> one = admin.delete("/api/v1/admin/sessions/" + enc(plain + "/ra"));
            assertEquals(200, one.statusCode(), one.body());
            assertEquals("{\"ended\":1}", one.body());
            Await.until("ra ends", () -> !a.isConnected());
            assertTrue(b.isConnected(), "the other resource stays");
            assertError(admin.delete("/api/v1/admin/sessions/" + enc(plain + "/ra")), 404, "jid");

            HttpResponse<String> all = admin.delete("/api/v1/admin/sessions/" + enc(plain));
            assertEquals("{\"ended\":1}", all.body());
            Await.until("rb ends", () -> !b.isConnected());
            assertEquals("[]", sessionsOf(plain));
        } finally {
            Clients.close(a, b);
        }
        assertError(admin.get("/api/v1/admin/sessions?user=nobody-" + UUID.randomUUID() + "@" + DOMAIN), 404, "jid");
        assertError(admin.delete("/api/v1/admin/sessions/nobody-x@" + DOMAIN), 404, "jid");
        assertError(admin.get("/api/v1/admin/sessions?user=a@other.example"), 403, "jid");
        assertError(admin.get("/api/v1/admin/sessions?user=" + enc("bad jid@@")), 400, "jid");
        assertError(admin.get("/api/v1/admin/sessions?domain=" + DOMAIN + "&user=" + enc(plain)), 400, "user");
    }

    @Test
    void createsAHostWithItsFirstAdministrator() throws Exception {
        String domain = "first-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String boss = "boss@" + domain;
        try {
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":\"boss\"}"), 400, "admin");
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":{\"password\":\"x\"}}"),
                    400, "admin.jid");
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":{\"jid\":\"" + boss
                    + "\"}}"), 400, "admin.password");
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain
                    + "\",\"admin\":{\"jid\":\"boss@elsewhere.example\",\"password\":\"x\"}}"), 400, "admin.jid");
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":{\"jid\":\"" + boss
                    + "\",\"password\":\"" + "p".repeat(2000) + "\"}}"), 400, "admin.password");
            assertError(admin.get("/api/v1/hosts/" + domain), 404, "domain"); // refusals left nothing behind
            assertFalse(admin.get("/api/v1/hosts").body().contains(domain));

            HttpResponse<String> r = admin.post("/api/v1/hosts", "{\"domain\":\"" + domain
                    + "\",\"admin\":{\"jid\":\"" + boss + "\",\"password\":\"boss-pw\"}}");
            assertEquals(201, r.statusCode(), r.body());
            RestClient bossClient = RestClient.as(boss, "boss-pw");
            HttpResponse<String> own = bossClient.get("/api/v1/hosts/" + domain);
            assertEquals(200, own.statusCode(), own.body());
            assertTrue(bossClient.get(user(boss)).body().contains("\"admin\":true"));
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\"}"), 409, "domain");
            assertEquals(204, admin.delete("/api/v1/hosts/" + domain).statusCode());
            // The removed domain's accounts are kept: its admin cannot be created twice.
            assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":{\"jid\":\"" + boss
                    + "\",\"password\":\"x\"}}"), 409, "admin.jid");
            assertFalse(admin.get("/api/v1/hosts").body().contains(domain));
        } finally {
            admin.delete("/api/v1/hosts/" + domain);
        }
    }
}
