package org.parley.it.rest;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Clients;
import org.parley.it.support.Inbox;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.DOMAIN;
import static org.parley.it.rest.RestClient.assertError;

/** POST /api/v1/messages: routed like a client's stanza, received by a Smack client; refusals. */
class MessagesRestIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static String alice;
    private static String bob;
    private final RestClient admin = RestClient.admin();

    @BeforeAll
    static void accounts() throws Exception {
        alice = RestClient.newUser("msga", PASSWORD);
        bob = RestClient.newUser("msgb", PASSWORD);
    }

    @AfterAll
    static void cleanup() throws Exception {
        RestClient.deleteUser(alice);
        RestClient.deleteUser(bob);
    }

    @Test
    void aMessageSentOverRestReachesTheXmppClient() throws Exception {
        XMPPTCPConnection c = Clients.connected(alice.substring(0, alice.indexOf('@')), PASSWORD, "rest");
        try (Inbox<Message> inbox = Inbox.messages(c)) {
            c.login();
            HttpResponse<String> r = admin.post("/api/v1/messages", "{\"from\":\"" + bob + "\",\"to\":\"" + alice
                    + "\",\"type\":\"chat\",\"body\":\"hello over REST\",\"subject\":\"s1\"}");
            assertEquals(202, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"id\":"), r.body());
            Message m = inbox.next("the message sent over REST");
            assertEquals("hello over REST", m.getBody());
            assertEquals("s1", m.getSubject());
            assertEquals(Message.Type.chat, m.getType());
            assertEquals(bob, m.getFrom().asBareJid().toString());

            assertEquals(202, admin.post("/api/v1/messages", "{\"to\":\"" + alice
                    + "/rest\",\"type\":\"headline\",\"body\":\"from the server\"}").statusCode());
            Message fromServer = inbox.next("the message from the domain");
            assertEquals(DOMAIN, fromServer.getFrom().toString());
            assertEquals(Message.Type.headline, fromServer.getType());
        } finally {
            Clients.close(c);
        }
    }

    @Test
    void refusals() throws Exception {
        assertError(admin.post("/api/v1/messages", "{\"body\":\"x\"}"), 400, "to");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"" + alice + "\"}"), 400, "body");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"" + alice + "\",\"type\":\"groupchat\",\"body\":\"x\"}"),
                400, "type");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"a@b@c\",\"body\":\"x\"}"), 400, "to");
        assertError(admin.post("/api/v1/messages", "{\"from\":\"eve@other.example\",\"to\":\"" + alice
                + "\",\"body\":\"x\"}"), 403, "from");
        assertError(admin.post("/api/v1/messages", "{\"to\":\"someone@unknown.example\",\"body\":\"x\"}"), 404, "to");
        assertError(RestClient.anonymous().post("/api/v1/messages", "{\"to\":\"" + alice + "\",\"body\":\"x\"}"),
                401, null);
        assertError(RestClient.as(alice, PASSWORD).post("/api/v1/messages",
                "{\"to\":\"" + bob + "\",\"body\":\"x\"}"), 403, null);
    }
}
