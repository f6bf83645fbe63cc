package org.parley.it.weblogin;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.application.weblogin.HmacTokens;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on: an integrator gets a one-time web login token over REST and the client logs in with it as
 * its SASL PLAIN password; reused, wrong-user, forged and host-minted (HMAC) tokens.
 */
class WebLoginTokenIT {
    private static final String BASE = System.getProperty("parley.base.url", "http://127.0.0.1:18080");
    private static final int C2S = Integer.getInteger("parley.c2s.port", 15222);
    private static final String ADMIN = System.getProperty("parley.admin.jid", "admin@localhost");
    private static final String ADMIN_PASSWORD = System.getProperty("parley.admin.password", "parley-it-admin");
    private static final String DOMAIN = ADMIN.substring(ADMIN.indexOf('@') + 1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String alice;
    private static String bob;

    @BeforeAll
    static void accounts() throws Exception {
        alice = "sso" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        bob = "sso" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        for (String jid : new String[]{alice, bob}) {
            HttpResponse<String> r = post("/api/v1/admin/users",
                    "{\"jid\":\"" + jid + "\",\"password\":\"" + UUID.randomUUID() + "\"}");
            assertEquals(201, r.statusCode(), r.body());
        }
    }

    @Test
    void aTokenLogsInOnceAndOnlyForItsAccount() throws Exception {
        String token = token(alice);
        assertEquals("failure", login(bob, token), "another account's token");
        assertEquals("success", login(alice, token));
        assertEquals("failure", login(alice, token), "a used token");
        assertEquals("failure", login(alice, "x".repeat(32)), "a forged token");
    }

    @Test
    void theTokenEndpointNeedsAnAdministrator() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\":\"" + alice + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertEquals(404, post("/api/v1/tokens", "{\"jid\":\"nobody@" + DOMAIN + "\"}").statusCode());
        assertEquals(400, post("/api/v1/tokens", "{}").statusCode());
    }

    @Test
    void hostMintedHmacTokensAreAcceptedOnce() throws Exception {
        String secret = System.getProperty("parley.sso.hmac.secret", "");
        String seed = System.getProperty("parley.sso.hmac.seed", "");
        assertTrue(!secret.isEmpty() && !seed.isEmpty(), "the test server is configured with an HMAC secret");
        HmacTokens host = new HmacTokens(secret.getBytes(StandardCharsets.UTF_8),
                seed.getBytes(StandardCharsets.UTF_8), 16, 1, Clock.systemUTC());
        String password = host.mint(alice, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        assertEquals("failure", login(bob, password), "minted for another JID");
        assertEquals("success", login(alice, password));
        assertEquals("failure", login(alice, password), "nonce replay");
    }

    private static String token(String jid) throws Exception {
        HttpResponse<String> r = post("/api/v1/tokens", "{\"jid\":\"" + jid + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        assertTrue(r.body().contains("\"jid\":\"" + jid + "\""), r.body());
        return m.group(1);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SASL PLAIN over a plain TCP stream (the test server allows it); returns "success" or "failure". */
    private static String login(String jid, String password) throws Exception {
        String user = jid.substring(0, jid.indexOf('@'));
        try (Socket s = new Socket("127.0.0.1", C2S)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("<?xml version='1.0'?><stream:stream to='" + DOMAIN + "' xmlns='jabber:client' "
                    + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>").getBytes(StandardCharsets.UTF_8));
            readUntil(in, "</stream:features>");
            String initial = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            out.write(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + initial + "</auth>")
                    .getBytes(StandardCharsets.UTF_8));
            String reply = readUntilAny(in, "<success", "<failure");
            return reply.contains("<success") ? "success" : "failure";
        }
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        return readUntilAny(in, marker);
    }

    private static String readUntilAny(InputStream in, String... markers) throws Exception {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        while (true) {
            for (String m : markers) {
                if (sb.indexOf(m) >= 0) {
                    return sb.toString();
                }
            }
            int n = in.read(buf);
            if (n < 0) {
                return sb.toString();
            }
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
    }
}
