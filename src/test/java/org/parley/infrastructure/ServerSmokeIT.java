package org.parley.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs against the server that mvn verify started (see pom.xml): parley.war answers at the context root
 * "/" and SchemaMigrator has applied the baseline migration on the selected database.
 */
class ServerSmokeIT {

    private static final String BASE = System.getProperty("parley.base.url",
            "http://127.0.0.1:" + System.getProperty("parley.http.port", "18080"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void statusIsUpWithBaselineSchemaOnTheSelectedDatabase() throws Exception {
        HttpResponse<String> r = get("/api/status");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                r.headers().toString());
        String body = r.body();
        assertEquals("UP", string(body, "status"), body);
        assertEquals(System.getProperty("parley.db", "h2"), string(body, "database"), body);
        int version = number(body, "schemaVersion");
        assertTrue(version >= 1, "schema version 1 (baseline) not applied: " + body);
        assertEquals(version, number(body, "migrationsApplied"), "a migration is missing: " + body);
    }

    @Test
    void warOwnsTheContextRoot() throws Exception {
        // WildFly's welcome page is gone: "/" is answered by parley.war, which has no index page (404),
        // while an unknown JAX-RS path is a JAX-RS 404 as well.
        HttpResponse<String> root = get("/");
        assertTrue(!root.body().contains("Welcome to WildFly"), root.body());
        assertEquals(404, get("/api/no-such-resource").statusCode());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20)).GET().build();
        IOException last = null;
        for (int i = 0; i < 30; i++) {            // the server is up before tests start; this is slack
            try {
                return http.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw last;
    }

    private static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static int number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
