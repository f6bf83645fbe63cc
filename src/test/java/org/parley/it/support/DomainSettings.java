package org.parley.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The settings of the test domain through the REST API, as its (server) administrator: for tests that change a
 * setting and must put it back.
 */
public final class DomainSettings {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DomainSettings() {
    }

    /** The domain's settings as JSON text. */
    public static String get() throws Exception {
        HttpResponse<String> r = send("GET", null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET settings: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** PUTs {@code json} (a subset of the settings); fails unless the server accepts it. */
    public static String put(String json) throws Exception {
        HttpResponse<String> r = send("PUT", json);
        if (r.statusCode() != 200) {
            throw new AssertionError("PUT settings " + json + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** An integer setting of the JSON {@link #get()} answers. */
    public static int integer(String json, String name) {
        return Integer.parseInt(json.replaceAll("(?s).*\"" + name + "\":(\\d+).*", "$1"));
    }

    private static HttpResponse<String> send(String method, String body) throws Exception {
        String base = System.getProperty("parley.base.url", "http://127.0.0.1:" + ItConfig.httpPort());
        String auth = Base64.getEncoder().encodeToString((ItConfig.adminJid() + ":" + ItConfig.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/hosts/" + ItConfig.domain()))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
