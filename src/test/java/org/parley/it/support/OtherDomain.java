package org.parley.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A second served domain with its own administrator, made over REST by the test admin: the administrator of
 * another domain every channel must refuse on the test domain's accounts.
 */
public record OtherDomain(String domain, String adminJid, String adminPassword) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static OtherDomain create(String prefix) throws Exception {
        String domain = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        OtherDomain d = new OtherDomain(domain, "boss@" + domain, "pw-" + UUID.randomUUID());
        HttpResponse<String> r = send("POST", "/api/v1/hosts", "{\"domain\":\"" + domain + "\",\"admin\":{\"jid\":\""
                + d.adminJid + "\",\"password\":\"" + d.adminPassword + "\"}}");
        if (r.statusCode() != 201) {
            throw new AssertionError("creating " + domain + ": " + r.statusCode() + " " + r.body());
        }
        return d;
    }

    /** Stops serving the domain (its admin account stays stored, unreachable). */
    public void remove() throws Exception {
        send("DELETE", "/api/v1/hosts/" + domain, null);
    }

    public String adminUser() {
        return adminJid.substring(0, adminJid.indexOf('@'));
    }

    /** A request of the REST API as this domain's administrator. */
    public HttpResponse<String> asAdmin(String method, String path, String json) throws Exception {
        return send(method, path, json, adminJid, adminPassword);
    }

    /** A request of the REST API as the test domain's administrator. */
    public static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, ItConfig.adminJid(), ItConfig.adminPassword());
    }

    private static HttpResponse<String> send(String method, String path, String json, String user, String password)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + basic);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String baseUrl() {
        return System.getProperty("parley.base.url", "http://127.0.0.1:" + ItConfig.httpPort());
    }
}
