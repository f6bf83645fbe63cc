package org.parley.it.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;
import static org.parley.it.rest.RestClient.assertError;
import static org.parley.it.rest.RestClient.enc;

/**
 * Every /api/v1 endpoint refuses the unauthenticated (401) and non-administrators (403), and answers bad input
 * (malformed JSON, wrong types, invalid JIDs, huge values) with 400 naming the field: never a 5xx.
 */
class RestRefusalsIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static String alice;
    private final RestClient admin = RestClient.admin();

    /** method, path, a body that would be valid (null for none). */
    private record Call(String method, String path, String body) {
        HttpResponse<String> by(RestClient c) throws Exception {
            return switch (method) {
                case "GET" -> c.get(path);
                case "POST" -> c.post(path, body);
                case "PUT" -> c.put(path, body);
                case "PATCH" -> c.patch(path, body);
                default -> c.delete(path);
            };
        }

        Call with(String otherBody) {
            return new Call(method, path, otherBody);
        }
    }

    @BeforeAll
    static void account() throws Exception {
        alice = RestClient.newUser("refuse", PASSWORD);
    }

    @AfterAll
    static void cleanup() throws Exception {
        RestClient.deleteUser(alice);
    }

    private static List<Call> endpoints() {
        String user = "/api/v1/admin/users/" + enc(alice);
        String roster = "/api/v1/users/" + enc(alice) + "/roster";
        return List.of(
                new Call("GET", "/api/v1/hosts", null),
                new Call("POST", "/api/v1/hosts", "{\"domain\":\"never.example\"}"),
                new Call("GET", "/api/v1/hosts/" + DOMAIN, null),
                new Call("PUT", "/api/v1/hosts/" + DOMAIN, "{\"autoApprove\":false}"),
                new Call("DELETE", "/api/v1/hosts/never.example", null),
                new Call("POST", "/api/v1/hosts/" + DOMAIN + "/broadcast", "{\"body\":\"b\"}"),
                new Call("POST", "/api/v1/messages", "{\"to\":\"" + alice + "\",\"body\":\"b\"}"),
                new Call("GET", roster, null),
                new Call("PUT", roster + "/bob%40" + DOMAIN, "{\"name\":\"Bob\"}"),
                new Call("DELETE", roster + "/bob%40" + DOMAIN, null),
                new Call("POST", "/api/v1/admin/users", "{\"jid\":\"never@" + DOMAIN + "\",\"password\":\"p\"}"),
                new Call("GET", "/api/v1/admin/users", null),
                new Call("GET", user, null),
                new Call("PATCH", user, "{\"admin\":true}"),
                new Call("PUT", user, "{\"admin\":true}"),
                new Call("DELETE", user, null),
                new Call("GET", "/api/v1/admin/sessions", null),
                new Call("DELETE", "/api/v1/admin/sessions/" + enc(alice), null),
                new Call("POST", "/api/v1/admin/announcements", "{\"body\":\"b\"}"),
                new Call("GET", "/api/v1/admin/announcements/motd", null),
                new Call("PUT", "/api/v1/admin/announcements/motd", "{\"motd\":\"m\"}"),
                new Call("DELETE", "/api/v1/admin/announcements/motd", null),
                new Call("POST", "/api/v1/tokens", "{\"jid\":\"" + alice + "\"}"));
    }

    @Test
    void everyEndpointNeedsAnAdministrator() throws Exception {
        RestClient nobody = RestClient.anonymous();
        RestClient wrong = RestClient.as(RestClient.ADMIN, "not-the-password-" + UUID.randomUUID());
        RestClient user = RestClient.as(alice, PASSWORD);
        for (Call c : endpoints()) {
            String what = c.method() + " " + c.path();
            HttpResponse<String> r = c.by(nobody);
            assertEquals(401, r.statusCode(), what + ": " + r.body());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), what);
            assertEquals(403, c.by(user).statusCode(), what);
        }
        assertEquals(401, wrong.get("/api/v1/hosts").statusCode());
        HttpResponse<String> still = admin.get("/api/v1/admin/users/" + enc(alice));
        assertTrue(still.body().contains("\"admin\":false"), "nothing was done: " + still.body());
    }

    @Test
    void malformedBodiesAreRefusedNeverFailed() throws Exception {
        for (Call c : endpoints()) {
            if (c.body() == null) {
                continue;
            }
            for (String bad : List.of("{", "[1,2]", "\"text\"", "", "{\"a\":}", "null")) {
                HttpResponse<String> r = c.with(bad).by(admin);
                assertEquals(400, r.statusCode(), c.method() + " " + c.path() + " with " + bad + ": " + r.body());
                assertTrue(r.body().contains("\"error\""), r.body());
            }
        }
    }

    @Test
    void wrongTypesInvalidJidsAndHugeValuesNameTheirField() throws Exception {
        String huge = "x".repeat(70_000);
        String roster = "/api/v1/users/" + enc(alice) + "/roster/bob%40" + DOMAIN;
        assertError(admin.post("/api/v1/messages", "{\"to\":5,\"body\":\"b\"}"), 400, "to");
        assertError(admin.post("/api/v1/messages", "{\"from\":[1],\"to\":\"" + alice + "\",\"body\":\"b\"}"), 400, "from");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"" + alice + "\",\"body\":\"b\",\"subject\":7}"), 400, "subject");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"" + alice + "\",\"body\":\"" + huge + "\"}"), 400, "body");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"" + "n".repeat(2000) + "@" + DOMAIN + "\",\"body\":\"b\"}"),
                400, "to");
        assertError(admin.post("/api/v1/hosts/" + DOMAIN + "/broadcast", "{\"body\":\"b\",\"subject\":1}"), 400, "subject");
        assertError(admin.post("/api/v1/hosts/" + DOMAIN + "/broadcast", "{\"body\":\"" + huge + "\"}"), 400, "body");
        assertError(admin.post("/api/v1/admin/announcements", "{\"body\":\"b\",\"domain\":3}"), 400, "domain");
        assertError(admin.put("/api/v1/admin/announcements/motd", "{\"motd\":\"" + "m".repeat(5000) + "\"}"), 400, "motd");
        assertError(admin.put("/api/v1/admin/announcements/motd", "{\"motd\":5}"), 400, "motd");
        assertError(admin.put(roster, "{\"name\":5}"), 400, "name");
        assertError(admin.put(roster, "{\"groups\":\"g\"}"), 400, "groups");
        assertError(admin.put(roster, "{\"subscription\":1}"), 400, "subscription");
        assertError(admin.put("/api/v1/users/" + enc(alice) + "/roster/" + enc("a@b@c"), "{}"), 400, "contact");
        assertError(admin.get("/api/v1/users/" + enc("nobody-" + UUID.randomUUID() + "@" + DOMAIN) + "/roster"), 404, "jid");
        assertError(admin.delete(roster), 404, "contact");
        assertError(admin.post("/api/v1/tokens", "{\"jid\":5}"), 400, "jid");
        assertError(admin.post("/api/v1/tokens", "{\"jid\":\"nobody-x@" + DOMAIN + "\"}"), 404, "jid");
        assertError(admin.post("/api/v1/admin/users", "{\"jid\":\"a@b@c\",\"password\":\"p\"}"), 400, "jid");
        assertError(admin.post("/api/v1/admin/users", "{\"jid\":\"big@" + DOMAIN + "\",\"password\":\"" + huge + "\"}"),
                400, "password");
        assertError(admin.post("/api/v1/admin/users", "{\"jid\":\"" + alice + "\",\"password\":\"p\"}"), 409, "jid");
        assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + "d".repeat(2000) + ".example\"}"), 400, "domain");
        assertError(admin.post("/api/v1/hosts", "{\"domain\":\"fine.example\",\"extra\":1}"), 400, "extra");
        assertError(admin.post("/api/v1/hosts", "{\"domain\":" + DOMAIN.length() + "}"), 400, "domain");
        assertError(admin.post("/api/v1/hosts", "{\"domain\":\"" + DOMAIN + "\"}"), 409, "domain");
        assertError(admin.put("/api/v1/hosts/" + DOMAIN, "{\"maxStanzaBytes\":99999999999999}"), 400, "maxStanzaBytes");
        assertError(admin.get("/api/v1/hosts/" + enc("bad domain@@")), 400, "domain");
    }
}
