package org.parley.it.rest;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys: created by an admin (secret shown once), used as Bearer / X-API-Key, scoped, revoked. */
class ApiKeysRestIT {

    @Test
    void createdKeyIsShownOnceAndListedWithoutSecret() throws Exception {
        Obj created = create("list-" + UUID.randomUUID(), "read-only");
        String key = created.getString("key");
        String id = created.getString("id");
        assertTrue(key.startsWith("pk_" + id + "_"), key);
        assertEquals(created.getString("prefix"), "pk_" + id + "_");
        assertEquals("read-only", created.getString("scope"));
        assertEquals(RestClient.ADMIN, created.getString("creator"));
        assertFalse(created.getBoolean("revoked"));

        HttpResponse<String> list = RestClient.admin().get("/api/v1/apikeys");
        assertEquals(200, list.statusCode(), list.body());
        assertFalse(list.body().contains(key.substring(key.lastIndexOf('_') + 1)), "secret in the list");
        assertFalse(list.body().contains("\"key\""), list.body());
        Obj listed = find(list.body(), id);
        assertEquals(created.getString("name"), listed.getString("name"));
        assertTrue(listed.isNull("lastUsed"), "not used yet: " + listed);
    }

    @Test
    void readOnlyKeyMayReadButNotWrite() throws Exception {
        String key = create("ro-" + UUID.randomUUID(), "read-only").getString("key");
        HttpResponse<String> read = RestClient.bearer(key).get("/api/v1/hosts");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains(RestClient.DOMAIN), read.body());
        assertEquals(200, RestClient.apiKeyHeader(key).get("/api/v1/admin/users").statusCode());

        String domain = "ro" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        RestClient.assertError(RestClient.bearer(key).post("/api/v1/hosts", "{\"domain\":\"" + domain + "\"}"),
                403, null);
        RestClient.assertError(RestClient.apiKeyHeader(key).delete("/api/v1/hosts/" + domain), 403, null);
        assertFalse(RestClient.admin().get("/api/v1/hosts").body().contains(domain), "nothing was added");

        Obj listed = find(RestClient.admin().get("/api/v1/apikeys").body(), key.substring(3, 15));
        assertFalse(listed.isNull("lastUsed"), "last use recorded: " + listed);
    }

    @Test
    void adminKeyMayWrite() throws Exception {
        String key = create("rw-" + UUID.randomUUID(), "admin").getString("key");
        String domain = "rw" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        HttpResponse<String> added = RestClient.bearer(key).post("/api/v1/hosts", "{\"domain\":\"" + domain + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(RestClient.admin().get("/api/v1/hosts").body().contains(domain));
        assertEquals(204, RestClient.apiKeyHeader(key).delete("/api/v1/hosts/" + domain).statusCode());
    }

    @Test
    void revokedAndGarbageKeysAreUnauthorized() throws Exception {
        Obj created = create("revoked-" + UUID.randomUUID(), "admin");
        String key = created.getString("key");
        assertEquals(200, RestClient.bearer(key).get("/api/v1/hosts").statusCode());
        assertEquals(204, RestClient.admin().delete("/api/v1/apikeys/" + created.getString("id")).statusCode());
        RestClient.assertError(RestClient.bearer(key).get("/api/v1/hosts"), 401, null);
        RestClient.assertError(RestClient.apiKeyHeader(key).get("/api/v1/hosts"), 401, null);
        Obj listed = find(RestClient.admin().get("/api/v1/apikeys").body(), created.getString("id"));
        assertTrue(listed.getBoolean("revoked"), listed.toString());
        assertFalse(listed.isNull("revokedAt"), listed.toString());

        RestClient.assertError(RestClient.bearer("garbage").get("/api/v1/hosts"), 401, null);
        // right form, wrong secret
        String forged = key.substring(0, 16) + "A".repeat(43);
        RestClient.assertError(RestClient.bearer(forged).get("/api/v1/hosts"), 401, null);
        RestClient.assertError(RestClient.admin().delete("/api/v1/apikeys/nosuchkey000"), 404, "id");
    }

    @Test
    void keysCannotManageKeys() throws Exception {
        Obj created = create("mgmt-" + UUID.randomUUID(), "admin");
        RestClient withKey = RestClient.bearer(created.getString("key"));
        RestClient.assertError(withKey.get("/api/v1/apikeys"), 403, null);
        RestClient.assertError(withKey.post("/api/v1/apikeys", "{\"name\":\"more\",\"scope\":\"admin\"}"), 403, null);
        RestClient.assertError(withKey.delete("/api/v1/apikeys/" + created.getString("id")), 403, null);
        assertEquals(200, withKey.get("/api/v1/hosts").statusCode(), "the key itself still works");
    }

    @Test
    void badInputNamesTheField() throws Exception {
        RestClient admin = RestClient.admin();
        RestClient.assertError(admin.post("/api/v1/apikeys", "{\"scope\":\"admin\"}"), 400, "name");
        RestClient.assertError(admin.post("/api/v1/apikeys", "{\"name\":\"  \",\"scope\":\"admin\"}"), 400, "name");
        RestClient.assertError(admin.post("/api/v1/apikeys", "{\"name\":\"" + "n".repeat(101)
                + "\",\"scope\":\"admin\"}"), 400, "name");
        RestClient.assertError(admin.post("/api/v1/apikeys", "{\"name\":\"x\",\"scope\":\"root\"}"), 400, "scope");
        RestClient.assertError(admin.post("/api/v1/apikeys", "{\"name\":\"x\"}"), 400, "scope");
        RestClient.assertError(admin.post("/api/v1/apikeys", "not json"), 400, null);
        RestClient.assertError(RestClient.anonymous().get("/api/v1/apikeys"), 401, null);
    }

    @Test
    void theOpenApiDocumentDescribesKeys() throws Exception {
        String doc = RestClient.anonymous().get("/api/openapi").body();
        for (String part : new String[]{"/v1/apikeys:", "/v1/apikeys/{id}:", "X-API-Key", "scheme: bearer"}) {
            assertTrue(doc.contains(part), part);
        }
    }

    /** One flat JSON object (the API's key objects hold no nested objects), read with regular expressions. */
    private record Obj(String json) {
        String getString(String key) {
            Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
            if (!m.find()) {
                throw new AssertionError(key + " missing in " + json);
            }
            return m.group(1);
        }

        boolean isNull(String key) {
            return json.contains("\"" + key + "\":null");
        }

        boolean getBoolean(String key) {
            if (json.contains("\"" + key + "\":true")) {
                return true;
            }
            if (json.contains("\"" + key + "\":false")) {
                return false;
            }
            throw new AssertionError(key + " missing in " + json);
        }

        @Override
        public String toString() {
            return json;
        }
    }

    private static Obj create(String name, String scope) throws Exception {
        HttpResponse<String> r = RestClient.admin().post("/api/v1/apikeys",
                "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        Obj o = new Obj(r.body());
        assertEquals(name, o.getString("name"));
        return o;
    }

    private static Obj find(String listBody, String id) {
        Matcher m = Pattern.compile("\\{[^{}]*\"id\":\"" + Pattern.quote(id) + "\"[^{}]*}").matcher(listBody);
        if (!m.find()) {
            throw new AssertionError("key " + id + " not listed: " + listBody);
        }
        return new Obj(m.group());
    }
}
