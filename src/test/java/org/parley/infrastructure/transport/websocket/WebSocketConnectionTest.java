package org.parley.infrastructure.transport.websocket;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.spi.HostSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RFC 7395 framing over a real core: each test message is one WebSocket text message. */
class WebSocketConnectionTest {
    static final String FRAMING = WebSocketConnection.FRAMING_NS;
    static final String OPEN = "<open xmlns='" + FRAMING + "' to='example.org' version='1.0'/>";
    static final int MAX = 10_000;

    /** Records what the server sends; writes complete at once. */
    static final class Client implements Outbox.Sink {
        final List<String> texts = new ArrayList<>();
        Integer closedWith;

        public void sendText(String text, Consumer<Throwable> done) {
            texts.add(text);
            done.accept(null);
        }

        public void sendPing(Consumer<Throwable> done) {
            done.accept(null);
        }

        public void close(int code, String reason) {
            closedWith = code;
        }

        Element last() {
            return parse(texts.get(texts.size() - 1));
        }

        Element at(int fromEnd) {
            return parse(texts.get(texts.size() - 1 - fromEnd));
        }

        void clear() {
            texts.clear();
        }
    }

    XmppServer server;
    final List<Runnable> delayed = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestCore.server(true);
    }

    WebSocketConnection connect(Client client) {
        return new WebSocketConnection(server, new Outbox(client, 1 << 20, System::currentTimeMillis), false, "192.0.2.1",
                MAX, (task, millis) -> delayed.add(task));
    }

    static Element parse(String xml) {
        try {
            return DocumentHelper.parseText(xml).getRootElement();
        } catch (Exception e) {
            throw new AssertionError("not one XML element: " + xml, e);
        }
    }

    /** Opens, authenticates with PLAIN, reopens and binds {@code user}/{@code resource}. */
    WebSocketConnection login(Client c, String user, String resource) {
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0secret").getBytes(StandardCharsets.UTF_8));
        ws.text("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>", true);
        assertEquals("success", c.last().getName(), c.texts.toString());
        ws.text(OPEN, true);
        ws.text("<iq xmlns='jabber:client' type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>" + resource + "</resource></bind></iq>", true);
        assertEquals("result", c.last().attributeValue("type"), c.texts.toString());
        c.clear();
        return ws;
    }

    @Test
    void openIsAnsweredWithOpenAndFeatures() {
        Client c = new Client();
        connect(c).text(OPEN, true);
        Element open = c.at(1);
        assertEquals("open", open.getName());
        assertEquals(FRAMING, open.getNamespaceURI());
        assertEquals("example.org", open.attributeValue("from"));
        assertEquals("1.0", open.attributeValue("version"));
        assertNotNull(open.attributeValue("id"));
        Element features = c.last();
        assertEquals("features", features.getName());
        assertEquals("http://etherx.jabber.org/streams", features.getNamespaceURI());
        assertNull(features.element("starttls"), "no STARTTLS over WebSocket");
        String mechanisms = features.element("mechanisms").asXML();
        assertTrue(mechanisms.contains("PLAIN"), mechanisms);
    }

    @Test
    void loginMessageToSelfAndClose() {
        Client c = new Client();
        WebSocketConnection ws = login(c, "alice", "web");
        assertEquals("websocket", ws.stream().session().transport());
        assertEquals("192.0.2.1", ws.stream().session().remoteAddress());
        ws.text("<message xmlns='jabber:client' to='alice@example.org/web' type='chat' id='m1'><body>hi</body></message>", true);
        Element msg = c.last();
        assertEquals("message", msg.getName());
        assertEquals("jabber:client", msg.getNamespaceURI());
        assertEquals("alice@example.org/web", msg.attributeValue("from"));
        assertEquals("hi", msg.elementText("body"));

        c.clear();
        ws.text("<close xmlns='" + FRAMING + "'/>", true);
        assertEquals(List.of("<close xmlns='" + FRAMING + "'/>"), c.texts);
        assertEquals(Outbox.NORMAL, c.closedWith);
        assertNull(server.sessions().get(new org.xmpp.packet.JID("alice@example.org/web")));
    }

    @Test
    void twoSessionsTalk() {
        Client a = new Client();
        Client b = new Client();
        login(a, "alice", "one");
        WebSocketConnection bob = login(b, "bob", "two");
        bob.text("<message xmlns='jabber:client' to='alice@example.org/one'><body>from bob</body></message>", true);
        assertEquals("bob@example.org/two", a.last().attributeValue("from"));
    }

    @Test
    void messageSplitIntoPartsIsOneMessage() {
        Client c = new Client();
        WebSocketConnection ws = login(c, "alice", "web");
        String msg = "<message xmlns='jabber:client' to='alice@example.org/web'><body>h\u00e9llo \uD83D\uDE00</body></message>";
        int split = msg.indexOf('\uDE00'); // between the two halves of a surrogate pair
        ws.text(msg.substring(0, 20), false);
        ws.text(msg.substring(20, split), false);
        ws.text(msg.substring(split), true);
        assertEquals("h\u00e9llo \uD83D\uDE00", c.last().elementText("body"));
    }

    void assertStreamError(Client c, String condition) {
        int n = c.texts.size();
        assertTrue(n >= 2, c.texts.toString());
        Element error = c.at(1);
        assertEquals("error", error.getName(), c.texts.toString());
        assertEquals("http://etherx.jabber.org/streams", error.getNamespaceURI());
        assertNotNull(error.element(org.dom4j.QName.get(condition, "urn:ietf:params:xml:ns:xmpp-streams")),
                c.texts.toString());
        assertEquals("close", c.last().getName());
        assertEquals(FRAMING, c.last().getNamespaceURI());
        assertEquals(Outbox.NORMAL, c.closedWith);
    }

    @Test
    void notXml() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        ws.text("this is not XML", true);
        assertStreamError(c, "not-well-formed");
    }

    @Test
    void incompleteElement() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        ws.text("<presence xmlns='jabber:client'>", true);
        assertStreamError(c, "not-well-formed");
    }

    @Test
    void openInTheStreamNamespaceIsAnInvalidNamespace() {
        Client c = new Client();
        connect(c).text("<open xmlns='jabber:client' to='example.org' version='1.0'/>", true);
        assertStreamError(c, "invalid-namespace");
        assertEquals("open", c.texts.stream().map(WebSocketConnectionTest::parse).findFirst().orElseThrow().getName(),
                "the error follows an open of the server");
    }

    /** RFC 6120 §4.9.1.1 over RFC 7395: a bad {@code <open/>} after the SASL restart is answered with an open first. */
    @Test
    void aBadOpenAfterTheSaslRestartIsAnsweredWithAnOpenFirst() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        String plain = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
        ws.text("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>", true);
        assertEquals("success", c.last().getName(), c.texts.toString());
        c.clear();
        ws.text("<?xml version='1.0'?><!DOCTYPE open>" + OPEN, true);
        assertStreamError(c, "restricted-xml");
        assertEquals(3, c.texts.size(), c.texts.toString());
        assertEquals("open", c.at(2).getName(), "an open of the restarted stream comes first: " + c.texts);
        assertEquals(FRAMING, c.at(2).getNamespaceURI());
    }

    /** RFC 7395 §3.3.3: each message is its own document, so a stanza without xmlns is in no namespace. */
    static final String PING_WITHOUT_NS = "<iq type='get' id='x'><ping xmlns='urn:xmpp:ping'/></iq>";

    @Test
    void aStanzaWithoutTheContentNamespaceIsAnInvalidNamespace() {
        Client bound = new Client();
        login(bound, "alice", "web").text(PING_WITHOUT_NS, true);
        assertStreamError(bound, "invalid-namespace");
        assertNull(server.sessions().get(new org.xmpp.packet.JID("alice@example.org/web")), "the session ended");

        Client authenticated = new Client();
        WebSocketConnection ws = connect(authenticated);
        ws.text(OPEN, true);
        ws.text("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>", true);
        assertStreamError(authenticated, "invalid-namespace");
    }

    @Test
    void doctypeIsRestricted() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        ws.text("<!DOCTYPE foo [<!ENTITY x 'y'>]><message xmlns='jabber:client'/>", true);
        assertStreamError(c, "restricted-xml");
    }

    @Test
    void oversizedMessageIsAPolicyViolation() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        String big = "<message xmlns='jabber:client'><body>" + "x".repeat(MAX) + "</body></message>";
        ws.text(big.substring(0, 100), false);
        ws.text(big.substring(100), true);
        assertStreamError(c, "policy-violation");
    }

    /** The domain's maxStanzaBytes (2048 here) applies below the server-wide limit (MAX). */
    @Test
    void aStanzaOverTheDomainsLimitIsAPolicyViolation() {
        server = TestCore.server(true, HostSettings.defaults(ExampleOrg.DOMAIN)
                .with(StreamSettings.MAX_STANZA_BYTES, 2048));
        Client c = new Client();
        WebSocketConnection ws = login(c, "alice", "limit");
        ws.text("<message xmlns='jabber:client' to='alice@example.org/limit'><body>" + "x".repeat(1900)
                + "</body></message>", true);
        assertEquals("message", c.last().getName(), "under the limit: delivered");
        ws.text("<message xmlns='jabber:client' to='alice@example.org/limit'><body>" + "x".repeat(2100)
                + "</body></message>", true);
        assertStreamError(c, "policy-violation");
    }

    @Test
    void inputAfterAnErrorIsIgnored() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        ws.text("<<", true);
        int n = c.texts.size();
        ws.text("<presence xmlns='jabber:client'/>", true);
        assertEquals(n, c.texts.size());
    }

    @Test
    void reopenWhileBoundIsRefused() {
        Client c = new Client();
        WebSocketConnection ws = login(c, "alice", "web");
        ws.text(OPEN, true);
        assertStreamError(c, "bad-format");
    }

    @Test
    void wrongHostAndVersion() {
        Client c = new Client();
        connect(c).text("<open xmlns='" + FRAMING + "' to='elsewhere.example' version='1.0'/>", true);
        assertStreamError(c, "host-unknown");
        Client d = new Client();
        connect(d).text("<open xmlns='" + FRAMING + "' to='example.org'/>", true);
        assertStreamError(d, "unsupported-version");
    }

    @Test
    void plainIsNotOfferedWithoutTlsOutsideTestMode() {
        server = TestCore.server(false);
        Client c = new Client();
        connect(c).text(OPEN, true);
        assertFalse(c.last().asXML().contains("PLAIN"), c.last().asXML());
        Client s = new Client();
        new WebSocketConnection(server, new Outbox(s, 1 << 20, System::currentTimeMillis), true, "?", MAX,
                (task, millis) -> delayed.add(task)).text(OPEN, true);
        assertTrue(s.last().asXML().contains("PLAIN"), "wss is secure");
    }

    @Test
    void serverCloseWaitsForThePeersClose() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        ws.closeStream();
        assertEquals("close", c.last().getName());
        assertNull(c.closedWith);
        ws.text("<close xmlns='" + FRAMING + "'/>", true);
        assertEquals(Outbox.NORMAL, c.closedWith);
        delayed.forEach(Runnable::run); // the grace timer finds it closed
    }

    @Test
    void serverCloseEndsAfterTheGraceWithoutAnAnswer() {
        Client c = new Client();
        WebSocketConnection ws = connect(c);
        ws.text(OPEN, true);
        ws.closeStream();
        assertNull(c.closedWith);
        delayed.forEach(Runnable::run);
        assertEquals(Outbox.NORMAL, c.closedWith);
    }

    @Test
    void transportCloseEndsTheSession() {
        Client c = new Client();
        WebSocketConnection ws = login(c, "alice", "web");
        ws.transportClosed();
        assertNull(server.sessions().get(new org.xmpp.packet.JID("alice@example.org/web")));
    }
}
