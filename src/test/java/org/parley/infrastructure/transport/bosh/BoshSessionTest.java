package org.parley.infrastructure.transport.bosh;

import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.core.StreamSettings;
import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BOSH sessions on the real core: session creation, login, long-polling, rids, limits. */
class BoshSessionTest {
    private final BoshFixture fx = new BoshFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void creationResponseCarriesSessionAttributesAndFeatures() {
        FakeExchange.Response r = fx.client().create("wait='60' hold='3' ver='1.6' content='text/xml; charset=utf-8'")
                .await();
        assertEquals(200, r.status());
        assertEquals("text/xml; charset=utf-8", r.contentType());
        Element body = r.xml();
        assertEquals(40, body.attributeValue("sid").length());
        assertEquals("2", body.attributeValue("wait"), "clamped to the server's maximum");
        assertEquals("1", body.attributeValue("hold"), "clamped to hold.max");
        assertEquals("2", body.attributeValue("requests"));
        assertEquals("1", body.attributeValue("inactivity"));
        assertEquals("5", body.attributeValue("maxpause"));
        assertEquals("1", body.attributeValue("polling"));
        assertEquals("1.6", body.attributeValue("ver"));
        assertEquals("example.org", body.attributeValue("from"));
        assertNotNull(body.attributeValue("authid"));
        assertEquals("1.0", body.attributeValue(QName.get("version", "xmpp", "urn:xmpp:xbosh")));
        assertEquals("true", body.attributeValue(QName.get("restartlogic", "xmpp", "urn:xmpp:xbosh")));
        Element features = body.element(QName.get("features", "stream", ResponseBodies.STREAM_NS));
        assertNotNull(features, body.asXML());
        assertTrue(features.asXML().contains("<mechanism>PLAIN</mechanism>"), features.asXML());
        assertEquals(1, fx.manager.liveSessions());
    }

    @Test
    void loginBindAndMessageToSelfArriveOnTheHeldRequest() {
        BoshClient c = fx.client();
        String jid = c.login("alice", "web");
        assertEquals("alice@example.org/web", jid);
        FakeExchange poll = c.send("");
        assertFalse(poll.answered(), "an empty request waits for data");
        FakeExchange sent = c.send("<message xmlns='jabber:client' to='" + jid + "' type='chat' id='m1'><body>hi</body></message>");
        assertEquals(0, poll.xml().elements().size(), "the held request is answered empty when the next one comes");
        Element message = sent.xml().element("message");
        assertNotNull(message, "the message comes back on the request that is held now");
        assertEquals("hi", message.elementText("body"));
        assertEquals("jabber:client", message.getNamespaceURI());
        assertEquals(jid, message.attributeValue("from"));
    }

    @Test
    void stanzasWithoutNamespaceCountAsJabberClient() {
        BoshClient c = fx.client();
        String jid = c.login("alice", "web");
        Element result = c.send("<iq type='get' id='p1' to='example.org'><ping xmlns='urn:xmpp:ping'/></iq>").xml();
        Element iq = result.element("iq");
        assertNotNull(iq, result.asXML());
        assertEquals(jid, iq.attributeValue("to"));
    }

    /** xmlns='' is no inheritance: the stanza left jabber:client, as over TCP and WebSocket (RFC 6120 §4.9.3.10). */
    @Test
    void anEmptyNamespaceIsInvalidNamespace() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        Element body = c.send("<message xmlns='' to='bob@example.org'><body>hi</body></message>").xml();
        assertEquals("remote-stream-error", body.attributeValue("condition"), body.asXML());
        assertNotNull(body.element(QName.get("error", "stream", ResponseBodies.STREAM_NS))
                .element(QName.get("invalid-namespace", ResponseBodies.STREAMS_ERROR_NS)), body.asXML());
    }

    @Test
    void waitExpiresWithAnEmptyBody() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        FakeExchange held = c.send("");
        fx.timers.advance(Duration.ofMillis(1999));
        assertFalse(held.answered(), "held for 'wait' (2 s)");
        fx.timers.advance(Duration.ofMillis(1));
        assertTrue(held.answered(), "answered when 'wait' ends");
        assertTrue(held.xml().elements().isEmpty());
    }

    @Test
    void aResentRequestGetsTheSameResponse() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        long rid = c.rid + 1;
        FakeExchange first = c.send("<iq xmlns='jabber:client' type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
        String original = first.await().body();
        FakeExchange again = c.at(rid, "", "<iq xmlns='jabber:client' type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
        assertEquals(original, again.await().body());
    }

    @Test
    void aRequestAheadOfItsTurnWaitsForTheMissingOne() {
        BoshClient c = fx.client();
        String jid = c.login("alice", "web");
        long rid = c.rid;
        FakeExchange later = c.at(rid + 2, "", "<message xmlns='jabber:client' to='" + jid + "' id='second'><body>2</body></message>");
        FakeExchange earlier = c.at(rid + 1, "", "<message xmlns='jabber:client' to='" + jid + "' id='first'><body>1</body></message>");
        c.rid = rid + 2;
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (FakeExchange ex : java.util.List.of(earlier, later)) {
            ex.xml().elements().forEach(e -> ids.add(e.attributeValue("id")));
        }
        for (int i = 0; i < 3 && ids.size() < 2; i++) {
            c.send("").xml().elements().forEach(e -> ids.add(e.attributeValue("id")));
        }
        assertEquals(java.util.List.of("first", "second"), ids, "processed in rid order");
    }

    @Test
    void aRidBeyondTheWindowEndsTheSession() {
        BoshClient c = fx.client();
        c.open();
        FakeExchange.Response r = c.at(c.rid + 3, "", null).await();
        assertEquals(200, r.status());
        assertEquals("terminate", r.xml().attributeValue("type"));
        assertEquals("item-not-found", r.xml().attributeValue("condition"));
        assertEquals(0, fx.manager.liveSessions());
        assertTrue(fx.streamsEnd(), "the stream ended");
    }

    @Test
    void legacyClientsGetHttpErrorCodes() {
        BoshClient c = fx.client();
        c.sid = c.create("wait='60' hold='1'").xml().attributeValue("sid");
        assertEquals(404, c.at(c.rid + 3, "", null).await().status());
    }

    @Test
    void unknownSessionIsItemNotFound() {
        BoshClient c = fx.client();
        c.sid = "0123456789";
        FakeExchange.Response r = c.next("", null).await();
        assertEquals(404, r.status());
        assertEquals("item-not-found", r.xml().attributeValue("condition"));
    }

    @Test
    void garbageIsBadRequest() {
        FakeExchange.Response r = fx.post("this is not XML").await();
        assertEquals(400, r.status());
        assertEquals("bad-request", r.xml().attributeValue("condition"));
        assertEquals(400, fx.post("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'/>").await().status());
    }

    /** The domain's maxStanzaBytes (1024 here) applies below the server-wide limit (4096 in the fixture). */
    @Test
    void aStanzaOverTheDomainsLimitEndsTheSessionWithPolicyViolation() {
        try (BoshFixture limited = new BoshFixture(BoshFixture.settings(1, 1), ExampleOrg.hosts(
                HostSettings.defaults(ExampleOrg.DOMAIN).with(StreamSettings.MAX_STANZA_BYTES, 1024)))) {
            BoshClient c = limited.client();
            String jid = c.login("alice", "web");
            Element under = c.send("<message xmlns='jabber:client' to='" + jid + "'><body>" + "x".repeat(900)
                    + "</body></message>").xml();
            assertNotNull(under.element("message"), "under the limit: delivered " + under.asXML());
            FakeExchange.Response over = c.send("<presence xmlns='jabber:client'><status>" + "x".repeat(1100)
                    + "</status></presence>").await();
            assertEquals("terminate", over.xml().attributeValue("type"));
            assertEquals("policy-violation", over.xml().attributeValue("condition"));
            assertEquals(0, limited.manager.liveSessions());
        }
    }

    @Test
    void malformedPayloadEndsItsSession() {
        BoshClient c = fx.client();
        c.open();
        FakeExchange.Response r = c.send("<message xmlns='jabber:client'><body>unclosed</message>").await();
        assertEquals("bad-request", r.xml().attributeValue("condition"));
        assertEquals(0, fx.manager.liveSessions());
    }

    @Test
    void tooManySimultaneousRequestsArePolicyViolation() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        long rid = c.rid;
        FakeExchange held = c.at(rid + 1, "", null);
        FakeExchange early = c.at(rid + 3, "", null); // waits for rid + 2: two unanswered requests
        FakeExchange third = c.at(rid + 2, "", null); // a third one at once
        assertEquals("policy-violation", third.xml().attributeValue("condition"));
        assertEquals("terminate", held.xml().attributeValue("type"));
        assertEquals("terminate", early.xml().attributeValue("type"));
        assertEquals(0, fx.manager.liveSessions());
    }

    @Test
    void unknownHostAndMissingToAreRefused() {
        String ns = BoshClient.NS;
        assertEquals("host-unknown", fx.post("<body xmlns='" + ns + "' to='other.example' rid='5' ver='1.6'/>")
                .xml().attributeValue("condition"));
        assertEquals("improper-addressing", fx.post("<body xmlns='" + ns + "' rid='5' ver='1.6'/>")
                .xml().attributeValue("condition"));
        assertEquals(0, fx.manager.liveSessions());
    }

    @Test
    void clientTerminateClosesTheStream() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        Element bye = c.next("type='terminate'", "<presence xmlns='jabber:client' type='unavailable'/>").xml();
        assertEquals("terminate", bye.attributeValue("type"));
        assertNull(bye.attributeValue("condition"));
        assertEquals(0, fx.manager.liveSessions());
        assertTrue(fx.streamsEnd());
    }

    @Test
    void aStreamErrorIsRemoteStreamError() {
        BoshClient c = fx.client();
        c.open();
        Element body = c.send("<message xmlns='jabber:client' to='bob@example.org'><body>too early</body></message>").xml();
        assertEquals("remote-stream-error", body.attributeValue("condition"));
        Element error = body.element(QName.get("error", "stream", ResponseBodies.STREAM_NS));
        assertNotNull(error.element(QName.get("not-authorized", ResponseBodies.STREAMS_ERROR_NS)), body.asXML());
    }

    @Test
    void aClientThatStopsPollingIsGoneAfterInactivity() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        assertEquals(1, fx.manager.liveSessions());
        fx.timers.advance(Duration.ofMillis(999));
        assertEquals(1, fx.manager.liveSessions(), "inactivity is 1 s");
        fx.timers.advance(Duration.ofMillis(1));
        assertEquals(0, fx.manager.liveSessions());
        assertTrue(fx.streamsEnd(), "the stream ended like a dropped connection");
        assertEquals("item-not-found", c.send("").xml().attributeValue("condition"));
    }

    @Test
    void aPauseAnswersAtOnceAndExtendsInactivity() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        FakeExchange pause = c.next("pause='3'", null);
        assertTrue(pause.xml().elements().isEmpty());
        fx.timers.advance(Duration.ofMillis(2999));
        assertEquals(1, fx.manager.liveSessions(), "paused beyond the normal inactivity");
        fx.timers.advance(Duration.ofMillis(1));
        assertEquals(0, fx.manager.liveSessions(), "gone when the pause ends without a request");
    }

    @Test
    void reattachingWithTheNextRidContinuesTheSession() {
        BoshClient c = fx.client();
        String jid = c.login("alice", "web");
        FakeExchange abandoned = c.send(""); // the page unloads while this is held
        BoshClient reloaded = fx.client();
        reloaded.sid = c.sid;
        reloaded.rid = c.rid;
        FakeExchange after = reloaded.send("<message xmlns='jabber:client' to='" + jid + "' id='back'><body>b</body></message>");
        assertTrue(abandoned.xml().elements().isEmpty());
        assertEquals("back", after.xml().element("message").attributeValue("id"));
    }

    @Test
    void aMissingRidIsGivenUpAfterTheGapTime() {
        BoshClient c = fx.client();
        String jid = c.login("alice", "web");
        FakeExchange after = c.at(c.rid + 2, "", "<message xmlns='jabber:client' to='" + jid + "' id='gap'><body>g</body></message>");
        fx.timers.advance(Duration.ofMillis(999));
        assertFalse(after.answered(), "waits 1 s for the missing rid");
        fx.timers.advance(Duration.ofMillis(1));
        assertEquals("gap", after.xml().element("message").attributeValue("id"));
    }

    @Test
    void aStreamEndedBetweenRequestsIsReportedOnTheNextOne() {
        BoshClient c = fx.client();
        c.login("alice", "web");
        fx.server.streams().iterator().next().kick("conflict", "replaced");
        assertTrue(fx.streamsEnd());
        Element body = c.send("").xml();
        assertEquals("remote-stream-error", body.attributeValue("condition"));
        assertNotNull(body.element(QName.get("error", "stream", ResponseBodies.STREAM_NS))
                .element(QName.get("conflict", ResponseBodies.STREAMS_ERROR_NS)));
        assertEquals("item-not-found", c.send("").xml().attributeValue("condition"));
    }

    @Test
    void aPollingSessionThatPollsTooOftenIsPolicyViolation() {
        BoshClient c = fx.client();
        Element created = c.create("wait='0' hold='0' ver='1.6'").xml();
        c.sid = created.attributeValue("sid");
        assertEquals("0", created.attributeValue("hold"));
        assertEquals("1", created.attributeValue("requests"));
        fx.awaitWorkersIdle(); // the stream's features are ready
        assertNotNull(c.send("").xml().element("features"));
        assertTrue(c.send("").xml().elements().isEmpty(), "nothing to say: answered at once, empty");
        assertEquals("policy-violation", c.send("").xml().attributeValue("condition"), "again within 'polling'");
    }

    @Test
    void anEmptyPollAfterThePollingIntervalIsAllowed() {
        BoshClient c = fx.client();
        c.sid = c.create("wait='0' hold='0' ver='1.6'").xml().attributeValue("sid");
        fx.awaitWorkersIdle();
        assertNotNull(c.send("").xml().element("features"));
        assertTrue(c.send("").xml().elements().isEmpty());
        fx.timers.advance(Duration.ofMillis(999));
        fx.timers.advance(Duration.ofMillis(1)); // 'polling' is 1 s on the scheduler's clock
        Element again = c.send("").xml();
        assertEquals(null, again.attributeValue("condition"), again.asXML());
        assertTrue(again.elements().isEmpty());
    }

    @Test
    void outputBeyondTheQueueLimitIsRefusedOnce() {
        Outbound out = new Outbound(1024);
        assertTrue(out.add("x".repeat(1000)));
        assertFalse(out.add("y".repeat(100)), "the overflow is reported");
        assertTrue(out.add("z"), "and then dropped silently");
        assertEquals(1, out.take().size());
    }
}
