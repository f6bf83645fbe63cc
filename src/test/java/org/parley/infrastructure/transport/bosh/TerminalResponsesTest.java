package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The responses that end a BOSH session, with and without a request waiting for them. */
class TerminalResponsesTest {

    static Pending waiting(long rid) {
        return new Pending(rid, null, new FakeExchange());
    }

    @Test
    void theOldestWaitingRequestCarriesTheOutputAndTheTriggerGetsTheLegacyCode() {
        TerminalResponses t = new TerminalResponses(true);
        Pending a = waiting(5);
        Pending b = waiting(6);
        FakeExchange trigger = new FakeExchange();
        Replies r = new Replies();
        assertTrue(t.send("policy-violation", List.of("<message xmlns='jabber:client'/>"), null,
                new ArrayList<>(List.of(a, b)), trigger, r));
        r.send("text/xml");
        Element first = ((FakeExchange) a.exchange).xml();
        assertEquals("terminate", first.attributeValue("type"));
        assertEquals("policy-violation", first.attributeValue("condition"));
        assertEquals(1, first.elements().size(), "the undelivered message");
        assertTrue(((FakeExchange) b.exchange).xml().elements().isEmpty());
        assertEquals(200, ((FakeExchange) b.exchange).await().status());
        assertEquals(403, trigger.await().status(), "§17.1 for clients without 'ver'");
    }

    @Test
    void withoutARequestTheBodyWaitsForTheNextOneOnly() {
        TerminalResponses t = new TerminalResponses(false);
        Replies r = new Replies();
        assertFalse(t.send(null, List.of(), "<stream:error xmlns:stream='http://etherx.jabber.org/streams'/>",
                new ArrayList<>(), null, r));
        FakeExchange next = new FakeExchange();
        FakeExchange later = new FakeExchange();
        Replies late = new Replies();
        assertTrue(t.answerLate(next, late));
        assertFalse(t.answerLate(later, late));
        late.send("text/xml");
        assertEquals("error", next.xml().elements().get(0).getName(), "the stream error waited");
        assertEquals("item-not-found", later.xml().attributeValue("condition"));
        assertEquals(200, later.await().status());

        TerminalResponses forgotten = new TerminalResponses(false);
        forgotten.send("system-shutdown", List.of(), null, new ArrayList<>(), null, new Replies());
        forgotten.forget();
        assertFalse(forgotten.answerLate(new FakeExchange(), new Replies()));
    }
}
