package org.parley.it.rest;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Await;
import org.parley.it.support.Clients;
import org.parley.it.support.TestAccounts;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;
import static org.parley.it.rest.RestClient.assertError;

/**
 * The widgets' data endpoint and files: public vs non-public domains, the origin allow-list
 * (parley.web.origins: the test server lists https://allowed.widgets.example and the browser tests' site),
 * and a Smack client showing up in and leaving the online list.
 */
class WidgetsRestIT {
    private static final String ONLINE = "/api/v1/widgets/online-users?domain=";
    private static final String ALLOWED = "https://allowed.widgets.example";
    private static final String REFUSED = "https://evil.example";
    private static TestAccounts accounts;
    private final RestClient anonymous = RestClient.anonymous();

    @BeforeAll
    static void fixture() throws Exception {
        accounts = TestAccounts.open();
    }

    @AfterAll
    static void cleanup() {
        accounts.close();
    }

    @Test
    void aSmackClientAppearsWhileOnlineAndDisappearsAfterLoggingOut() throws Exception {
        TestAccounts.Account a = accounts.create("widget");
        String jid = "\"jid\":\"" + a.jid() + "\"";
        HttpResponse<String> before = anonymous.get(ONLINE + DOMAIN);
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(before.body().contains("\"domain\":\"" + DOMAIN + "\""), before.body());
        assertTrue(before.body().contains("\"pollSeconds\":"), before.body());
        assertFalse(before.body().contains(jid), before.body());
        XMPPTCPConnection c = Clients.login(a, "widget-it");
        try {
            Await.until(a.jid() + " in the online list", () -> body(ONLINE + DOMAIN).contains(jid));
            assertTrue(body(ONLINE + DOMAIN).contains(jid + ",\"name\":\"" + a.username() + "\",\"show\":\"online\""));
        } finally {
            Clients.close(c);
        }
        Await.until(a.jid() + " gone from the online list", () -> !body(ONLINE + DOMAIN).contains(jid));
    }

    @Test
    void onlyPublicDomainsAreShown() throws Exception {
        String domain = "private-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        RestClient admin = RestClient.admin();
        assertEquals(201, admin.post("/api/v1/hosts", "{\"domain\":\"" + domain + "\"}").statusCode());
        try {
            assertError(anonymous.get(ONLINE + domain), 403, "domain");
        } finally {
            admin.delete("/api/v1/hosts/" + domain);
        }
        assertError(anonymous.get(ONLINE + "unknown-" + UUID.randomUUID() + ".example"), 404, "domain");
        assertError(anonymous.get("/api/v1/widgets/online-users"), 400, "domain");
        assertError(anonymous.get(ONLINE + "a%20b@@"), 400, "domain");
    }

    @Test
    void listedOriginsGetCorsHeadersOthersAreRefused() throws Exception {
        HttpResponse<String> ok = anonymous.send("GET", ONLINE + DOMAIN, "Origin", ALLOWED);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(ALLOWED, ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        HttpResponse<String> refused = anonymous.send("GET", ONLINE + DOMAIN, "Origin", REFUSED);
        assertError(refused, 403, "Origin");
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        HttpResponse<String> preflight = anonymous.send("OPTIONS", ONLINE + DOMAIN, "Origin", REFUSED,
                "Access-Control-Request-Method", "GET");
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> allowedPreflight = anonymous.send("OPTIONS", ONLINE + DOMAIN, "Origin", ALLOWED,
                "Access-Control-Request-Method", "GET");
        assertEquals(204, allowedPreflight.statusCode());
        assertEquals(ALLOWED, allowedPreflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void widgetFilesLoadWithoutOriginAndOnlyFrameIntoListedOrigins() throws Exception {
        HttpResponse<String> js = anonymous.get("/widgets/online-users.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertTrue(js.body().contains("api/v1/widgets/online-users"));
        assertEquals(403, anonymous.send("GET", "/widgets/chat-box.js", "Origin", REFUSED).statusCode());
        HttpResponse<String> frame = anonymous.get("/widgets/online-users.html");
        assertEquals(200, frame.statusCode());
        String csp = frame.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("frame-ancestors 'self' ") && csp.contains(ALLOWED) && !csp.contains("*"), csp);
    }

    private String body(String path) {
        try {
            return anonymous.get(path).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
