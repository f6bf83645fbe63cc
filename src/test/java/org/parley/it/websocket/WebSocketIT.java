package org.parley.it.websocket;

import org.dom4j.Element;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7395 against the running server: login, routing with TCP sessions, framing errors, subprotocol. */
class WebSocketIT {
    static final String ADMIN = System.getProperty("parley.admin.jid", "admin@localhost");
    static final String ADMIN_PASSWORD = System.getProperty("parley.admin.password", "parley-it-admin");
    static final String ADMIN_USER = ADMIN.substring(0, ADMIN.indexOf('@'));
    static final String DOMAIN = WsXmppClient.DOMAIN;
    static final int MAX_STANZA = Integer.getInteger("parley.stanza.max.bytes", 262144);

    @Test
    void loginMessageToSelfAndCleanClose() throws Exception {
        try (WsXmppClient c = WsXmppClient.connect()) {
            assertEquals("xmpp", c.ws.getSubprotocol(), "the xmpp subprotocol is negotiated");
            String jid = c.login(ADMIN_USER, ADMIN_PASSWORD, "ws-self");
            assertEquals(ADMIN + "/ws-self", jid);
            c.send("<message xmlns='jabber:client' to='" + jid + "' type='chat' id='self1'><body>to myself</body></message>");
            Element m = c.next(e -> "message".equals(e.getName()));
            assertEquals("jabber:client", m.getNamespaceURI());
            assertEquals(jid, m.attributeValue("from"));
            assertEquals("to myself", m.elementText("body"));

            String sessions = adminGet("/api/v1/admin/sessions");
            assertTrue(sessions.replace(" ", "").contains("\"jid\":\"" + jid + "\""), sessions);
            String mine = sessions.substring(sessions.indexOf(jid));
            mine = mine.substring(0, mine.indexOf('}'));
            assertTrue(mine.replace(" ", "").contains("\"transport\":\"websocket\""), mine);
            assertTrue(mine.replace(" ", "").contains("\"address\":\"127.0.0.1\""), mine);

            c.send("<close xmlns='" + WsXmppClient.FRAMING + "'/>");
            c.expect("close", WsXmppClient.FRAMING);
            assertEquals(1000, c.closed().get(10, TimeUnit.SECONDS), "the server closes the WebSocket normally");
        }
    }

    @Test
    void webSocketAndTcpSessionsShareTheRouter() throws Exception {
        String bob = "wsbob" + UUID.randomUUID().toString().substring(0, 8);
        String bobJid = bob + "@" + DOMAIN;
        createAccount(bobJid, "bob-secret");

        XMPPTCPConnection tcp = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(DOMAIN).setHost("127.0.0.1").setPort(Integer.getInteger("parley.c2s.port", 15222))
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword(bob, "bob-secret").setResource("tcp").build());
        try (WsXmppClient ws = WsXmppClient.connect()) {
            String wsJid = ws.login(ADMIN_USER, ADMIN_PASSWORD, "ws-cross");
            tcp.connect().login();
            String tcpJid = tcp.getUser().toString();

            StanzaCollector fromWs = tcp.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE,
                    FromMatchesFilter.createFull(JidCreate.from(wsJid))));
            ws.send("<message xmlns='jabber:client' to='" + tcpJid + "' type='chat'><body>ws to tcp</body></message>");
            Message got = fromWs.nextResult(10_000);
            assertNotNull(got, "the TCP session got the WebSocket session's message");
            assertEquals("ws to tcp", got.getBody());
            fromWs.cancel();

            tcp.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from(wsJid)).ofType(Message.Type.chat)
                    .setBody("tcp to ws").build());
            Element m = ws.next(e -> "message".equals(e.getName()));
            assertEquals(tcpJid, m.attributeValue("from"));
            assertEquals("tcp to ws", m.elementText("body"));
        } finally {
            tcp.disconnect();
        }
    }

    @Test
    void notXmlIsNotWellFormed() throws Exception {
        badInput("this is not XML", "not-well-formed");
    }

    @Test
    void wrongFramingNamespaceIsInvalidNamespace() throws Exception {
        try (WsXmppClient c = WsXmppClient.connect()) {
            c.send("<open xmlns='jabber:client' to='" + DOMAIN + "' version='1.0'/>");
            c.expectStreamError("invalid-namespace");
        }
        anotherSessionWorks();
    }

    @Test
    void aStanzaWithoutJabberClientIsInvalidNamespace() throws Exception {
        // on a bound session: no stream default namespace to inherit over WebSocket (RFC 6120 §4.9.3.10)
        badInput("<iq type='get' id='x'><ping xmlns='urn:xmpp:ping'/></iq>", "invalid-namespace");
    }

    @Test
    void aStanzaWithAnEmptyNamespaceIsInvalidNamespace() throws Exception {
        // the same answer as over TCP (BadInputIT), where xmlns='' leaves the stream's content namespace
        badInput("<message xmlns='' to='" + ADMIN + "'><body>hi</body></message>", "invalid-namespace");
    }

    @Test
    void oversizedMessageIsAPolicyViolation() throws Exception {
        String big = "<message xmlns='jabber:client' to='" + ADMIN + "'><body>" + "x".repeat(MAX_STANZA + 1000)
                + "</body></message>";
        badInput(big, "policy-violation");
    }

    @Test
    void hugeMessageIsRefusedWithoutBeingBuffered() throws Exception {
        String huge = "<message xmlns='jabber:client' to='" + ADMIN + "'><body>" + "y".repeat(16 << 20)
                + "</body></message>";
        badInput(huge, "policy-violation");
    }

    @Test
    void doctypeIsRestrictedXml() throws Exception {
        badInput("<!DOCTYPE message [<!ENTITY boom 'boom'>]><message xmlns='jabber:client'><body>&boom;</body></message>",
                "restricted-xml");
    }

    @Test
    void connectionWithoutTheSubprotocolIsRefused() throws Exception {
        WsXmppClient c;
        try {
            c = WsXmppClient.connect(false);
        } catch (ExecutionException refused) {
            return; // refused at the handshake: fine too
        }
        try (c) {
            int code;
            try {
                code = c.closed().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                code = -1;
            }
            assertEquals(1002, code, "closed with a protocol error");
            assertNull(c.nextText(Duration.ofMillis(200)), "no XMPP without the subprotocol");
        }
    }

    /** Authenticated session, then {@code frame}: stream error, close; then a new session works. */
    private void badInput(String frame, String condition) throws Exception {
        try (WsXmppClient c = WsXmppClient.connect()) {
            c.login(ADMIN_USER, ADMIN_PASSWORD, "bad-" + condition);
            c.send(frame);
            c.expectStreamError(condition);
        }
        anotherSessionWorks();
    }

    private void anotherSessionWorks() throws Exception {
        try (WsXmppClient c = WsXmppClient.connect()) {
            String jid = c.login(ADMIN_USER, ADMIN_PASSWORD, "after-" + UUID.randomUUID().toString().substring(0, 6));
            c.send("<iq xmlns='jabber:client' type='get' id='p1' to='" + DOMAIN + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element r = c.next(e -> "iq".equals(e.getName()) && "p1".equals(e.attributeValue("id")));
            assertEquals("result", r.attributeValue("type"), r.asXML());
            assertEquals(jid, r.attributeValue("to"));
        }
    }

    static String adminGet(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + WsXmppClient.HTTP_PORT + path))
                .header("Authorization", "Basic " + basic()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String basic() {
        return Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static void createAccount(String jid, String password) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + WsXmppClient.HTTP_PORT
                        + "/api/v1/admin/users"))
                .header("Authorization", "Basic " + basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\":\"" + jid + "\",\"password\":\"" + password + "\"}"))
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }
}
