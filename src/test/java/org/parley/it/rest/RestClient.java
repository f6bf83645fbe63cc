package org.parley.it.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The integrator REST API as one account (by default the bootstrap admin), with JSON bodies as text. */
final class RestClient {
    static final String BASE = System.getProperty("parley.base.url", "http://127.0.0.1:18080");
    static final String ADMIN = System.getProperty("parley.admin.jid", "admin@localhost");
    static final String ADMIN_PASSWORD = System.getProperty("parley.admin.password", "parley-it-admin");
    static final String DOMAIN = ADMIN.substring(ADMIN.indexOf('@') + 1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String header;
    private final String auth;

    private RestClient(String auth) {
        this("Authorization", auth);
    }

    private RestClient(String header, String auth) {
        this.header = header;
        this.auth = auth;
    }

    /** Authenticated with an API key: Authorization: Bearer. */
    static RestClient bearer(String key) {
        return new RestClient("Bearer " + key);
    }

    /** Authenticated with an API key in X-API-Key. */
    static RestClient apiKeyHeader(String key) {
        return new RestClient("X-API-Key", key);
    }

    static RestClient admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    static RestClient as(String jid, String password) {
        return new RestClient("Basic " + Base64.getEncoder().encodeToString(
                (jid + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static RestClient anonymous() {
        return new RestClient(null);
    }

    static String enc(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A fresh non-admin account of the admin's domain, made over REST; returns its bare JID. */
    static String newUser(String prefix, String password) throws Exception {
        String jid = prefix + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        HttpResponse<String> r = admin().post("/api/v1/admin/users",
                "{\"jid\":\"" + jid + "\",\"password\":\"" + password + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return jid;
    }

    static void deleteUser(String jid) throws Exception {
        admin().delete("/api/v1/admin/users/" + enc(jid));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    /** A bodiless request with extra headers (name, value, ...), e.g. the Origin of a browser's page. */
    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20));
        return auth == null ? b : b.header(header, auth);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status, and for errors the JSON error naming the field. */
    static void assertError(HttpResponse<String> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\""), r.body());
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), "field " + field + " in " + r.body());
        }
    }
}
