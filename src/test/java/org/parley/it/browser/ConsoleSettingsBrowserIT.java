package org.parley.it.browser;

import org.dom4j.Element;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Clients;
import org.parley.it.support.Inbox;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.TestAccounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's settings pages driven in headless Chromium (src/test/e2e/settings.mjs), their effects checked
 * from outside the browser: a domain whose TLS mode the page set to required refuses a client without
 * STARTTLS; the MOTD set in the page reaches a freshly logged-in client; the API key the page showed once works
 * for a GET, the one it revoked does not. A second run of the script restores the settings in the page.
 */
class ConsoleSettingsBrowserIT {
    private static final String BASE = System.getProperty("parley.base.url", "http://127.0.0.1:18080");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void prerequisites() {
        NodeScript.prerequisites();
    }

    @Test
    void settingsMadeInTheConsoleTakeEffect() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String domain = "console-" + id + ".example";
        String motd = "Welcome to Parley, console test " + id;
        Map<String, String> env = Map.of("E2E_DOMAIN", domain, "E2E_MOTD", motd);
        boolean restored = false;
        try {
            String output = NodeScript.run("settings.mjs", with(env, "apply"));
            tlsIsRequiredFor(domain);
            motdReachesANewSession(motd);

            String key = printed(output, "E2E_API_KEY");
            HttpResponse<String> withKey = get("/api/v1/hosts", "Bearer " + key);
            assertEquals(200, withKey.statusCode(), withKey.body());
            assertTrue(withKey.body().contains(domain), withKey.body());
            send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/apikeys/" + key.substring(3, 15))).DELETE());
            HttpResponse<String> revoked = get("/api/v1/hosts", "Bearer " + printed(output, "E2E_REVOKED_KEY"));
            assertEquals(401, revoked.statusCode(), revoked.body());

            NodeScript.run("settings.mjs", with(env, "restore"));
            restored = true;
            HttpResponse<String> hosts = get("/api/v1/hosts", adminBasic());
            assertFalse(hosts.body().contains(domain), "removed in the page: " + hosts.body());
            HttpResponse<String> noMotd = get("/api/v1/admin/announcements/motd", adminBasic());
            assertTrue(noMotd.body().contains("\"motd\":null"), noMotd.body());
        } finally {
            if (!restored) {
                cleanUp(domain);
            }
        }
    }

    /** RFC 6120 §5.3.1: STARTTLS offered as required, no SASL before it, and a login without TLS refused. */
    private static void tlsIsRequiredFor(String domain) throws Exception {
        try (RawXmpp c = RawXmpp.connect()) {
            c.send(RawXmpp.header(domain));
            Element features = c.awaitFeatures(Duration.ofMillis(ItConfig.timeoutMillis()));
            Element starttls = features.element("starttls");
            assertTrue(starttls != null && starttls.element("required") != null, features.asXML());
            assertTrue(features.element("mechanisms") == null, "no SASL before TLS: " + features.asXML());
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + Base64.getEncoder().encodeToString("\0someone\0secret".getBytes(StandardCharsets.UTF_8))
                    + "</auth>");
            Element failure = c.await(e -> "failure".equals(e.getName()) || "success".equals(e.getName()),
                    Duration.ofMillis(ItConfig.timeoutMillis())).orElseThrow(() -> new AssertionError(c.received()));
            assertEquals("failure", failure.getName(), failure.asXML());
            assertTrue(failure.asXML().contains("encryption-required"), failure.asXML());
        }
    }

    private static void motdReachesANewSession(String motd) throws Exception {
        try (TestAccounts accounts = TestAccounts.open()) {
            TestAccounts.Account user = accounts.create("motd");
            XMPPTCPConnection c = Clients.connected(user.username(), user.password(), "console-it");
            try (Inbox<Message> inbox = Inbox.messages(c)) {
                c.login();
                Message m = inbox.next("the message of the day");
                assertEquals(motd, m.getBody(), m.toXML().toString());
            } finally {
                Clients.close(c);
            }
        }
    }

    /** When the page could not restore the settings: the REST API does it, so later tests see the defaults. */
    private static void cleanUp(String domain) throws Exception {
        send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/hosts/" + domain)).DELETE());
        send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/admin/announcements/motd")).DELETE());
    }

    private static Map<String, String> with(Map<String, String> env, String phase) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>(env);
        m.put("E2E_PHASE", phase);
        return m;
    }

    private static String printed(String output, String name) {
        Matcher m = Pattern.compile("^" + name + "=(\\S+)$", Pattern.MULTILINE).matcher(output);
        assertTrue(m.find(), name + " not printed by the script");
        return m.group(1);
    }

    private static String adminBasic() {
        return "Basic " + Base64.getEncoder().encodeToString((ItConfig.adminJid() + ":" + ItConfig.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(HttpRequest.Builder b) throws Exception {
        HTTP.send(b.header("Authorization", adminBasic()).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
