package org.parley.infrastructure.transport.bosh;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Acknowledgements and resent requests (XEP-0124 §9.2, §14.3) on a window and held requests of their own. */
class LostResponsesTest {
    final RidWindow<Pending> window = new RidWindow<>(100, 2, 8);
    final HeldRequests held = new HeldRequests(new Outbound(10_000), window, rid -> "", () -> 0L);
    final LostResponses lost = new LostResponses(true, window, held);

    static BoshRequest request(long rid, long ack) throws Exception {
        byte[] xml = ("<body xmlns='http://jabber.org/protocol/httpbind' sid='s' rid='" + rid + "' ack='" + ack + "'/>")
                .getBytes(StandardCharsets.UTF_8);
        return BodyParser.parse(xml, xml.length, 10_000);
    }

    /** Processes {@code rid} (its turn has come) and holds it. */
    Pending process(long rid) throws Exception {
        Pending p = new Pending(rid, request(rid, rid - 1), new FakeExchange());
        window.add(rid, p);
        assertSame(p, window.next());
        held.hold(p);
        return p;
    }

    LostResponses.Resend resend(long rid, FakeExchange exchange) {
        Replies r = new Replies();
        LostResponses.Resend outcome = lost.answerResend(rid, exchange, r);
        r.send("text/xml");
        return outcome;
    }

    @Test
    void aResentRidGetsItsKeptResponseUntilAcknowledged() throws Exception {
        process(100);
        Replies r = new Replies();
        held.answerOldest(r);
        r.send("text/xml");
        FakeExchange again = new FakeExchange();
        assertEquals(LostResponses.Resend.ANSWERED, resend(100, again));
        assertEquals(window.response(100), again.await().body());

        lost.acknowledge(request(101, 100), 101);
        assertEquals(LostResponses.Resend.UNKNOWN, resend(100, new FakeExchange()), "acknowledged: forgotten");
    }

    @Test
    void aResentHeldOrParkedRequestTakesOverTheConnection() throws Exception {
        Pending p = process(100);
        FakeExchange first = (FakeExchange) p.exchange;
        FakeExchange second = new FakeExchange();
        assertEquals(LostResponses.Resend.ANSWERED, resend(100, second));
        assertEquals(ResponseBodies.RECOVERABLE, first.await().body(), "the connection given up");
        assertSame(second, p.exchange);
        assertFalse(second.answered());

        Pending parked = new Pending(102, request(102, 100), new FakeExchange());
        window.add(102, parked);
        FakeExchange third = new FakeExchange();
        assertEquals(LostResponses.Resend.ANSWERED, resend(102, third));
        assertSame(third, parked.exchange);
        assertEquals(LostResponses.Resend.NEW, resend(101, new FakeExchange()));
    }

    @Test
    void clientsThatAcknowledgeHaveMoreResponsesKept() {
        RidWindow<Pending> plain = LostResponses.window(1, negotiated(2, false));
        RidWindow<Pending> acking = LostResponses.window(1, negotiated(2, true));
        for (long rid = 1; rid <= LostResponses.UNACKNOWLEDGED_KEPT; rid++) {
            plain.remember(rid, "r" + rid, 0);
            acking.remember(rid, "r" + rid, 0);
        }
        assertNull(plain.response(LostResponses.UNACKNOWLEDGED_KEPT - 2), "only as many as requests");
        assertEquals("r1", acking.response(1));
        assertFalse(acking.acceptable(4), "the window itself stays as wide as the requests allowed");
    }

    static Negotiated negotiated(int requests, boolean acks) {
        return new Negotiated(60, 1, requests, 60, 2, 120, Negotiated.VERSION, false, Negotiated.DEFAULT_CONTENT_TYPE,
                acks);
    }
}
