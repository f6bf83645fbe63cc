package org.parley.it.browser;

import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.Clients;
import org.parley.it.support.TestAccounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Parley's widgets on a site of another origin (src/test/e2e/widgets.mjs, one script tag each), with a Smack
 * client on the other side: the online-users widget shows it log in and out; the chat box (logged in through
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
        try (NodeScript page = NodeScript.start("widgets.mjs",
                Map.of("WIDGET_CASE", "online", "WIDGET_PEER", peer.jid().toString()))) {
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
