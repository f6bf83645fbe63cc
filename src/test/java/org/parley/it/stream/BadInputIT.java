package org.parley.it.stream;

import org.dom4j.Element;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.it.support.Clients;
import org.parley.it.support.Inbox;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.StreamParse;
import org.parley.it.support.TestAccounts;
import org.parley.it.support.TestAccounts.Account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input over raw sockets ends the stream with the exact RFC 6120 §4.9.3 stream error, and harms nobody
 * else: after each case an already logged-in Smack session still answers and the stored data is intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private static final Duration T = Duration.ofMillis(ItConfig.timeoutMillis());
    private static final String HEADER = RawXmpp.header(ItConfig.domain());

    private TestAccounts accounts;
    private Account observer;
    private Account peer;
    private Account raw;
    private XMPPTCPConnection observerSession;

    @BeforeAll
    void setUp() throws Exception {
        accounts = TestAccounts.open();
        observer = accounts.create("observer");
        peer = accounts.create("peer");
        raw = accounts.create("raw");
        observerSession = Clients.login(observer, "observer");
        Roster roster = Roster.getInstanceFor(observerSession);
        roster.reloadAndWait();
        roster.createItem(peer.jid(), "Peer", new String[]{"Stored"});
        VCard card = new VCard();
        card.setNickName("Observer");
        VCardManager.getInstanceFor(observerSession).saveVCard(card);
    }

    @AfterAll
    void tearDown() {
        Clients.close(observerSession);
        if (accounts != null) {
            accounts.close();
        }
    }

    /** The other session still works and nothing stored was touched. */
    @AfterEach
    void othersAreUnharmed() throws Exception {
        assertTrue(observerSession.isAuthenticated(), "the observer's session survived");
        assertTrue(PingManager.getInstanceFor(observerSession).pingMyServer(), "the observer's ping round trip");
        RosterPacket get = new RosterPacket();
        get.setType(IQ.Type.get);
        RosterPacket roster = observerSession.sendIqRequestAndWaitForResponse(get);
        assertTrue(roster.getRosterItems().stream().anyMatch(i -> i.getJid().equals(peer.jid())
                && "Peer".equals(i.getName()) && i.getGroupNames().contains("Stored")),
                "the observer's roster item is intact: " + roster.toXML());
        assertEquals("Observer", VCardManager.getInstanceFor(observerSession).loadVCard().getNickName(),
                "the observer's vCard is intact");
    }

    /** Reads to the end and checks the stream error, its namespace, the closing tag and the closed socket. */
    private static void assertStreamError(RawXmpp x, String condition) throws IOException {
        StreamParse.Result r = x.awaitStreamError(T);
        assertEquals(condition, r.streamError(), "RFC 6120 §4.9.3 stream error; received: " + x.received());
        assertEquals(RawXmpp.STREAMS_ERROR_NS, r.streamErrorNamespace(), "the condition's namespace");
        assertTrue(r.rootClosed(), "RFC 6120 §4.9.1.1: the stream is closed after the error: " + x.received());
        assertTrue(x.readToEnd(Duration.ofSeconds(5)), "the server closes the TCP connection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<message><body>hi</body></mess>", "<a></b>", "<<<>>>", "</stream:features>",
            "<presence to='a@localhost' to='b@localhost'/>", "<iq type='get' id='1'><undeclared:q/></iq>",
            "<message>\u0001</message>"})
    void garbageAfterAValidHeaderIsNotWellFormed(String garbage) throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send(HEADER);
            x.awaitFeatures(T);
            x.send(garbage);
            assertStreamError(x, "not-well-formed");
        }
    }

    @Test
    void aWrongStreamNamespaceIsInvalidNamespace() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send("<?xml version='1.0'?><stream:stream to='" + ItConfig.domain() + "' version='1.0'"
                    + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams-wrong'>");
            assertStreamError(x, "invalid-namespace");
        }
    }

    @Test
    void aWrongDefaultNamespaceIsInvalidNamespace() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send("<?xml version='1.0'?><stream:stream to='" + ItConfig.domain() + "' version='1.0'"
                    + " xmlns='urn:parley:it:wrong' xmlns:stream='" + RawXmpp.STREAM_NS + "'>");
            assertStreamError(x, "invalid-namespace");
        }
    }

    @Test
    void anUnknownHostIsHostUnknown() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send(RawXmpp.header("nonexistent.example"));
            assertStreamError(x, "host-unknown");
            StreamParse.Result r = StreamParse.parse(x.received());
            assertEquals("stream", r.rootName(), "RFC 6120 §4.9.1.2: the server opens a stream before the error");
        }
    }

    @Test
    void aVersionBelowOneIsUnsupportedVersion() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send("<?xml version='1.0'?><stream:stream to='" + ItConfig.domain() + "' version='0.9'"
                    + " xmlns='jabber:client' xmlns:stream='" + RawXmpp.STREAM_NS + "'>");
            assertStreamError(x, "unsupported-version");
        }
    }

    @Test
    void aStanzaBeforeAuthenticationIsNotAuthorized() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send(HEADER);
            x.awaitFeatures(T);
            x.send("<message to='" + observer.jid() + "' type='chat'><body>unauthenticated</body></message>");
            assertStreamError(x, "not-authorized");
        }
    }

    @Test
    void aStanzaLargerThanTheLimitIsPolicyViolation() throws Exception {
        int size = ItConfig.stanzaMaxBytes() + 1024;
        try (RawXmpp x = RawXmpp.connect(); Inbox<Message> in = Inbox.messages(observerSession)) {
            x.loginPlain(raw.username(), raw.password(), "big");
            StringBuilder sb = new StringBuilder(size + 200);
            sb.append("<message to='").append(observer.jid()).append("' type='chat'><body>");
            while (sb.length() < size) {
                sb.append("0123456789abcdef");
            }
            sb.append("</body></message>");
            byte[] big = sb.toString().getBytes(StandardCharsets.UTF_8);
            // write concurrently: the server may stop reading (and close) before all bytes are out
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int off = 0; off < big.length; off += 16384) {
                        x.send(java.util.Arrays.copyOfRange(big, off, Math.min(big.length, off + 16384)));
                    }
                } catch (IOException closed) {
                    // expected once the server has closed
                }
            });
            assertStreamError(x, "policy-violation");
            writer.join();
            assertNull(in.poll(Duration.ofMillis(500)), "the oversized stanza was not delivered");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctype", "doctype-external", "comment", "processing-instruction", "entity"})
    void restrictedXmlIsRefused(String kind) throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            switch (kind) {
                case "doctype" -> x.send("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY xxe 'boom'>]>"
                        + HEADER.substring(HEADER.indexOf("<stream:stream")));
                case "doctype-external" -> x.send("<?xml version='1.0'?><!DOCTYPE stream:stream "
                        + "[<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                        + HEADER.substring(HEADER.indexOf("<stream:stream")) + "<message><body>&xxe;</body></message>");
                case "comment" -> {
                    x.send(HEADER);
                    x.awaitFeatures(T);
                    x.send("<!-- a comment -->");
                }
                case "processing-instruction" -> {
                    x.send(HEADER);
                    x.awaitFeatures(T);
                    x.send("<?parley-it do-something?>");
                }
                case "entity" -> {
                    x.send(HEADER);
                    x.awaitFeatures(T);
                    x.send("<iq type='get' id='e1'><query xmlns='jabber:iq:version'>&xxe;</query></iq>");
                }
                default -> throw new IllegalArgumentException(kind);
            }
            assertStreamError(x, "restricted-xml");
            assertFalse(x.received().contains("root:"), "no external entity was ever expanded");
        }
    }

    /**
     * RFC 6120 §4.9.1.1: an error in the header of the stream restarted after SASL is still answered with the
     * server's new opening header first, so that a strict client can parse the error.
     */
    @ParameterizedTest
    @ValueSource(strings = {"doctype", "namespace"})
    void anErrorInTheRestartedHeaderComesAfterANewHeader(String kind) throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.send(HEADER);
            x.awaitFeatures(T);
            String token = java.util.Base64.getEncoder().encodeToString(("\0" + raw.username() + "\0" + raw.password())
                    .getBytes(StandardCharsets.UTF_8));
            x.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + token + "</auth>");
            x.await(e -> "success".equals(e.getName()), T)
                    .orElseThrow(() -> new AssertionError("no SASL success: " + x.received()));
            x.clearReceived();
            String body = HEADER.substring(HEADER.indexOf("<stream:stream"));
            x.send("doctype".equals(kind) ? "<?xml version='1.0'?><!DOCTYPE stream:stream>" + body
                    : body.replace("xmlns='jabber:client'", "xmlns='urn:parley:it:wrong'"));
            assertStreamError(x, "doctype".equals(kind) ? "restricted-xml" : "invalid-namespace");
            StreamParse.Result r = StreamParse.parse(x.received());
            assertNull(r.parseProblem(), "the answer is a well-formed stream: " + x.received());
            assertEquals("stream", r.rootName(), "a new stream header comes first: " + x.received());
        }
    }

    @Test
    void aForgedFromIsInvalidFrom() throws Exception {
        try (RawXmpp x = RawXmpp.connect(); Inbox<Message> in = Inbox.messages(observerSession)) {
            String me = x.loginPlain(raw.username(), raw.password(), "forger");
            assertEquals(raw.jid() + "/forger", me);
            x.send("<message from='" + peer.jid() + "/elsewhere' to='" + observer.jid()
                    + "' type='chat'><body>forged</body></message>");
            assertStreamError(x, "invalid-from");
            assertNull(in.poll(Duration.ofMillis(500)), "the forged message was not delivered");
        }
    }

    /** RFC 6120 §4.9.3.10: xmlns='' takes a stanza out of the stream's content namespace (jabber:client). */
    @ParameterizedTest
    @ValueSource(strings = {"message", "presence", "iq"})
    void aStanzaWithAnEmptyNamespaceIsInvalidNamespace(String kind) throws Exception {
        try (RawXmpp x = RawXmpp.connect(); Inbox<Message> in = Inbox.messages(observerSession)) {
            x.loginPlain(raw.username(), raw.password(), "no-ns-" + kind);
            x.send(switch (kind) {
                case "message" -> "<message xmlns='' to='" + observer.jid() + "' type='chat'><body>hi</body></message>";
                case "presence" -> "<presence xmlns=''/>";
                default -> "<iq xmlns='' type='get' id='n1'><ping xmlns='urn:xmpp:ping'/></iq>";
            });
            assertStreamError(x, "invalid-namespace");
            assertNull(in.poll(Duration.ofMillis(500)), "the stanza was not delivered");
        }
    }

    /** RFC 6120 §4.9.3.22: a first-level child of a namespace the server does not handle there. */
    @Test
    void aFirstLevelChildOfAnotherNamespaceIsUnsupportedStanzaType() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.loginPlain(raw.username(), raw.password(), "other-ns");
            x.send("<message xmlns='urn:parley:it:other' to='" + observer.jid() + "'><body>hi</body></message>");
            assertStreamError(x, "unsupported-stanza-type");
        }
    }

    @Test
    void anIqInAnUnknownNamespaceGetsServiceUnavailableAndTheStreamGoesOn() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.loginPlain(raw.username(), raw.password(), "unknown-iq");
            x.send("<iq type='get' id='u1' to='" + ItConfig.domain() + "'><query xmlns='urn:parley:it:unknown'/></iq>");
            assertServiceUnavailable(x, "u1", ItConfig.domain());
            x.send("<iq type='set' id='u2'><query xmlns='urn:parley:it:unknown'/></iq>");
            assertServiceUnavailable(x, "u2", null);
            x.send("<iq type='get' id='u3' to='" + observer.jid() + "'><query xmlns='urn:parley:it:unknown'/></iq>");
            assertServiceUnavailable(x, "u3", observer.jid().toString());

            // a stanza error is not a stream error: the stream still works
            x.send("<iq type='get' id='p1' to='" + ItConfig.domain() + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element pong = x.await(e -> "p1".equals(e.attributeValue("id")), T)
                    .orElseThrow(() -> new AssertionError("no ping result after the errors: " + x.received()));
            assertEquals("result", pong.attributeValue("type"));
            assertFalse(x.isClosedByServer());
        }
    }

    /** RFC 6120 §8.1.3, §8.2.3: a request of the wrong shape gets bad-request (never a result), and the stream goes on. */
    @Test
    void malformedIqRequestsGetBadRequest() throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
            x.loginPlain(raw.username(), raw.password(), "bad-iq");
            String domain = ItConfig.domain();
            x.send("<iq type='get' id='m1' to='" + domain + "'><ping xmlns='urn:xmpp:ping'/>"
                    + "<query xmlns='jabber:iq:version'/></iq>");
            assertBadRequest(x, "m1");
            x.send("<iq type='get' id='m2' to='" + domain + "'/>");
            assertBadRequest(x, "m2");
            x.send("<iq type='query' id='m3' to='" + domain + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertBadRequest(x, "m3");
            x.send("<iq type='get' to='" + domain + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element noId = x.await(e -> "iq".equals(e.getName()) && e.attributeValue("id") == null, T)
                    .orElseThrow(() -> new AssertionError("no answer to an IQ without id: " + x.received()));
            assertNull(noId.attributeValue("id"), noId.asXML());
            assertEquals("error", noId.attributeValue("type"), "never a result: " + noId.asXML());
            x.send("<iq type='get' id='p2' to='" + domain + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element pong = x.await(e -> "p2".equals(e.attributeValue("id")), T)
                    .orElseThrow(() -> new AssertionError("no ping result after the errors: " + x.received()));
            assertEquals("result", pong.attributeValue("type"));
            assertFalse(x.isClosedByServer());
        }
    }

    private static void assertBadRequest(RawXmpp x, String id) throws IOException {
        Element reply = x.await(e -> "iq".equals(e.getName()) && id.equals(e.attributeValue("id")), T)
                .orElseThrow(() -> new AssertionError("no reply to IQ " + id + ": " + x.received()));
        assertEquals("error", reply.attributeValue("type"), reply.asXML());
        Element error = reply.element("error");
        assertNotNull(error, reply.asXML());
        assertTrue(error.elements().stream().anyMatch(c -> "bad-request".equals(c.getName())
                && RawXmpp.STANZA_ERROR_NS.equals(c.getNamespaceURI())), "bad-request: " + reply.asXML());
    }

    private static void assertServiceUnavailable(RawXmpp x, String id, String from) throws IOException {
        Element reply = x.await(e -> "iq".equals(e.getName()) && id.equals(e.attributeValue("id")), T)
                .orElseThrow(() -> new AssertionError("no reply to IQ " + id + ": " + x.received()));
        assertEquals("error", reply.attributeValue("type"), reply.asXML());
        if (from != null) {
            assertEquals(from, reply.attributeValue("from"), "the error comes from the addressee: " + reply.asXML());
        }
        Element error = reply.element("error");
        assertNotNull(error, reply.asXML());
        assertEquals("cancel", error.attributeValue("type"), "RFC 6120 §8.3.3.19: type cancel");
        assertTrue(error.elements().stream().anyMatch(c -> "service-unavailable".equals(c.getName())
                        && RawXmpp.STANZA_ERROR_NS.equals(c.getNamespaceURI())),
                "RFC 6120 §8.3.3.19 service-unavailable in " + RawXmpp.STANZA_ERROR_NS + ": " + reply.asXML());
    }
}
