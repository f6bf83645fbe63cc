package org.parley.it.client;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Await;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.Clients;
import org.parley.it.support.ItConfig;
import org.parley.it.support.ServerControl;
import org.parley.it.support.TestAccounts.Account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Offline messages are stored durably: they survive a restart of the server (XEP-0160 storage). So do per-domain
 * settings changed at run time (the console and the REST API both change them through the host service).
 */
class ServerRestartIT extends ClientTestBase {

    @Test
    void offlineMessagesAndHostSettingsSurviveAServerRestart() throws Exception {
        assumeTrue(ServerControl.canReload(), "no management access: set parley.jboss.home and parley.mgmt.port");
        String hostPath = "/api/v1/hosts/" + ItConfig.domain();
        int offlineLimit = Integer.parseInt(admin("GET", hostPath, null)
                .replaceAll(".*\"maxOfflineMessages\":(\\d+).*", "$1"));
        admin("PUT", hostPath, "{\"maxOfflineMessages\":" + (offlineLimit + 3) + "}");
        try {
            offlineMessagesAndSettingsSurvive(hostPath, offlineLimit + 3);
        } finally {
            admin("PUT", hostPath, "{\"maxOfflineMessages\":" + offlineLimit + "}");
        }
    }

    private void offlineMessagesAndSettingsSurvive(String hostPath, int offlineLimit) throws Exception {
        Account alice = accounts.create("rsta");
        Account bob = accounts.create("rstb");
        XMPPTCPConnection a = Clients.login(alice, "a");
        Instant before = Instant.now();
        List<String> ids;
        try {
            ids = OfflineMessagesIT.sendNumbered(a, bob, "before restart", 3);
        } finally {
            Clients.close(a);
        }

        // a session open across the reload proves the old deployment really went away
        XMPPTCPConnection watcher = Clients.login(alice, "watcher");
        // and a raw one sees the graceful end: <stream:error><system-shutdown/> then </stream:stream>
        org.parley.it.support.RawXmpp raw = org.parley.it.support.RawXmpp.connect();
        try {
            raw.loginPlain(alice.username(), alice.password(), "raw");
            ServerControl.reload();
            Await.until("the server to have ended the session open across the reload", Duration.ofSeconds(30),
                    () -> !watcher.isConnected());
            raw.readToEnd(Duration.ofSeconds(30));
            String seen = raw.received();
            assertTrue(seen.contains("system-shutdown")
                    && seen.trim().endsWith("</stream:stream>"), "graceful close on shutdown: " + seen);
        } finally {
            Clients.close(watcher);
            raw.close();
        }
        ServerControl.awaitXmppUp(Duration.ofMinutes(3), alice);

        XMPPTCPConnection a2 = login(alice, "a"); // same full JID as the sender had
        XMPPTCPConnection b = connected(bob, "b");
        OfflineMessagesIT.expectDelivered(b, a2, "before restart", ids, before);
        String settings = admin("GET", hostPath, null);
        assertTrue(settings.contains("\"maxOfflineMessages\":" + offlineLimit), "setting kept: " + settings);
    }

    /** One call of the REST API as the bootstrap administrator; returns the body of a 2xx answer. */
    private static String admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(System.getProperty("parley.base.url",
                        "http://127.0.0.1:" + ItConfig.httpPort()) + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ItConfig.adminJid() + ":" + ItConfig.adminPassword()).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }
}
