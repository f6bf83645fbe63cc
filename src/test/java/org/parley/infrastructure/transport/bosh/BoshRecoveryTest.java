package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses a client lost (§9.2 acknowledgements, §14.3 resends), pre-binding and see-other-uri on the real core. */
class BoshRecoveryTest {
    private final BoshFixture fx = new BoshFixture(BoshFixture.settings(30, 1));

    @AfterEach
    void close() {
        System.clearProperty("parley.bosh.redirect");
        fx.close();
    }

    private static String message(String to, String id) {
        return "<message xmlns='jabber:client' to='" + to + "' type='chat' id='" + id + "'><body>" + id
                + "</body></message>";
    }

    private static List<String> ids(Element body) {
        return body.elements("message").stream().map(m -> m.attributeValue("id")).toList();
    }

    /** A message written into the response of a held request whose connection is gone; returns that rid. */
    private long lostResponse(BoshClient page, String jid) {
        FakeExchange held = page.send("");
        BoshClient other = fx.client();
        other.login("alice", "other");
        other.next("type='terminate'", message(jid, "lost"));
        assertEquals(List.of("lost"), ids(held.xml()), "the server answered the held request (the page never saw it)");
        return page.rid;
    }

    @Test
    void anAckBelowTheLastResponseIsAnsweredAtOnceWithReport() throws InterruptedException {
        BoshClient page = fx.client();
        String jid = page.login("alice", "page", "wait='60' hold='1' ver='1.6' ack='1'");
        long lost = lostResponse(page, jid);
        FakeExchange early = page.next("ack='" + (lost - 1) + "'", null);
        assertFalse(early.answered(), "a response sent just now may still be on its way: no report yet");
        fx.timers.advance(Duration.ofMillis(HeldRequests.REPORT_AFTER_MILLIS)); // the scheduler's clock

        Element report = page.next("ack='" + (lost - 1) + "'", null).xml();
        assertTrue(ids(early.xml()).isEmpty(), "the earlier request is answered first, empty");
        assertEquals(String.valueOf(lost), report.attributeValue("report"), report.asXML());
        assertTrue(Long.parseLong(report.attributeValue("time")) >= 0);
        assertTrue(ids(report).isEmpty());
        assertEquals(List.of("lost"), ids(page.at(lost, "", null).xml()), "the resent rid brings it back");
    }

    @Test
    void withoutAcknowledgementsAnAckAttributeChangesNothing() {
        BoshClient page = fx.client();
        String jid = page.login("alice", "page");
        long lost = lostResponse(page, jid);
        FakeExchange next = page.next("ack='" + (lost - 1) + "'", null);
        assertFalse(next.answered(), "held as usual: the session did not negotiate acknowledgements");
        assertEquals(List.of("lost"), ids(page.at(lost, "", null).xml()), "a resend works all the same");
    }

    @Test
    void prebindingHandsOverABoundSession() throws Exception {
        BoshPrebind.Prebound s = new BoshPrebind(fx.manager, false, "192.0.2.9").prebind(new JID("alice@example.org"),
                "secret");
        assertTrue(s.jid().startsWith("alice@example.org/"), s.jid());
        BoshClient page = fx.client();
        page.sid = s.sid();
        page.rid = s.rid() - 1;
        Element pong = page.send(message(s.jid(), "to-self")).xml();
        assertEquals(List.of("to-self"), ids(pong), pong.asXML());
        assertEquals(1, fx.manager.liveSessions());
    }

    @Test
    void prebindingWithAWrongTokenFailsAndLeavesNoSession() {
        BoshPrebind p = new BoshPrebind(fx.manager, false, "192.0.2.9");
        assertThrows(BoshPrebind.Failed.class, () -> p.prebind(new JID("alice@example.org"), "wrong"));
        assertEquals(0, fx.manager.liveSessions());
    }

    @Test
    void aRedirectSendsNewSessionsToTheOtherUri() {
        System.setProperty("parley.bosh.redirect", "https://other.example/http-bind?a=1&b=2");
        Element body = fx.client().create("wait='60' hold='1' ver='1.6'").xml();
        assertEquals("terminate", body.attributeValue("type"));
        assertEquals("see-other-uri", body.attributeValue("condition"));
        assertEquals("https://other.example/http-bind?a=1&b=2", body.elementText("uri"));
        assertNull(body.attributeValue("sid"));
        assertEquals(0, fx.manager.liveSessions());

        System.setProperty("parley.bosh.redirect", "javascript:alert(1)");
        assertNotNull(fx.client().create("wait='60' hold='1' ver='1.6'").xml().attributeValue("sid"),
                "not an http(s) URI: ignored");
    }
}
