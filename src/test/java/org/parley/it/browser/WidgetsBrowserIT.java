package org.parley.it.browser;

import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.Clients;
import org.parley.it.support.ItConfig;
import org.parley.it.support.TestAccounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Parley's widgets on a site of another origin (src/test/e2e/widgets.mjs, one script tag each), with a Smack
 * client on the other side: the online-users widget shows it log in and out (the domain's online users, and in
 * roster mode the viewer's contacts); the chat box (logged in through
 * the site's token endpoint) receives its message and sends it a reply.
 */
class WidgetsBrowserIT {
    private static final Duration SIGNAL = Duration.ofSeconds(90);
    private static TestAccounts accounts;

    @BeforeAll
    static void prerequisites() throws Exception {
        NodeScript.prerequisites();
        accounts = TestAccounts.open();
    }

    @AfterAll
    static void cleanup() {
        if (accounts != null) {
            accounts.close();
        }
    }

    @Test
    void onlineUsersWidgetShowsASmackClientLogInAndOut() throws Exception {
        TestAccounts.Account peer = accounts.create("widgetpeer");
        showsPeerComingAndGoing(peer, Map.of("WIDGET_CASE", "online", "WIDGET_PEER", peer.jid().toString()));
    }

    /** Roster mode: the logged-in viewer's contacts (provisioned over REST, subscription both). */
    @Test
    void rosterModeShowsAContactLogInAndOut() throws Exception {
        TestAccounts.Account peer = accounts.create("rosterpeer");
        TestAccounts.Account viewer = accounts.create("rosterviewer");
        provisionContacts(viewer.jid().toString(), peer.jid().toString());
        provisionContacts(peer.jid().toString(), viewer.jid().toString());
        showsPeerComingAndGoing(peer, Map.of("WIDGET_CASE", "roster", "WIDGET_PEER", peer.jid().toString(),
                "WIDGET_VIEWER", viewer.jid().toString()));
    }

    private static void showsPeerComingAndGoing(TestAccounts.Account peer, Map<String, String> env) throws Exception {
        try (NodeScript page = NodeScript.start("widgets.mjs", env)) {
            page.await("READY", SIGNAL);
            XMPPTCPConnection c = Clients.login(peer, "widget-peer");
            try {
                page.await("SEEN", SIGNAL);
            } finally {
                Clients.close(c);
            }
            page.assertPassed();
        }
    }

    private static void provisionContacts(String user, String contact) throws Exception {
        String auth = Base64.getEncoder().encodeToString((ItConfig.adminJid() + ":" + ItConfig.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        System.getProperty("parley.base.url", "http://127.0.0.1:18080") + "/api/v1/users/" + user
                                + "/roster/" + contact))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"subscription\":\"both\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void chatBoxReceivesAndSendsMessages() throws Exception {
        TestAccounts.Account peer = accounts.create("chatpeer");
        XMPPTCPConnection c = Clients.login(peer, "chat-peer");
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        ChatManager.getInstanceFor(c).addIncomingListener((from, message, chat) -> received.add(message));
        try (NodeScript page = NodeScript.start("widgets.mjs", Map.of("WIDGET_CASE", "chatbox"))) {
            String boxUser = page.await("LOGGED-IN", SIGNAL);
            ChatManager.getInstanceFor(c).chatWith(JidCreate.entityBareFrom(boxUser)).send("hello from smack");
            page.await("REPLIED", SIGNAL);
            Message reply = received.poll(30, TimeUnit.SECONDS);
            assertNotNull(reply, "the reply typed into the chat box reached the Smack client");
            assertEquals("hello from the widget", reply.getBody());
            assertEquals(boxUser, reply.getFrom().asBareJid().toString());
            page.assertPassed();
        } finally {
            Clients.close(c);
        }
    }
}
