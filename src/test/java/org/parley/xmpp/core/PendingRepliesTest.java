package org.parley.xmpp.core;

import org.parley.xmpp.core.testing.ManualScheduler;
import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.feature.presence.TestClient;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.sasl.AuthThrottle;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server requests (XmppServer.request) on the real core: answered, timed out, or their session gone. */
class PendingRepliesTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final List<IQ> answers = new ArrayList<>();
    private XmppServer server;
    private TestClient alice;

    @BeforeEach
    void start() {
        server = new XmppServer(ExampleOrg.hosts(), ExampleOrg.accounts(), new ExampleOrg.InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), true, Duration.ofSeconds(60), clock);
        server.start(List.of());
        alice = new TestClient(server, "alice", "phone");
        alice.clear();
    }

    /** Sends a ping from the server to alice/phone, as the idle pinger does. */
    private IQ ping(String id) {
        IQ ping = new IQ(IQ.Type.get, id);
        ping.setFrom(ExampleOrg.DOMAIN);
        ping.setTo("alice@example.org/phone");
        ping.setChildElement("ping", "urn:xmpp:ping");
        server.request(ping, answers::add);
        return ping;
    }

    private static PacketError.Condition condition(IQ iq) {
        return iq.getType() == IQ.Type.error ? iq.getError().getCondition() : null;
    }

    @Test
    void theAnswerGoesToTheCallbackOnce() {
        ping("p1");
        Element received = alice.received("iq", "get").get(0);
        assertEquals("p1", received.attributeValue("id"));
        alice.send("<iq xmlns='jabber:client' type='result' id='p1' to='example.org'/>");
        alice.send("<iq xmlns='jabber:client' type='result' id='p1' to='example.org'/>");
        assertEquals(1, answers.size());
        assertEquals(IQ.Type.result, answers.get(0).getType());
        assertEquals(0, server.pendingRequests());
        clock.advance(Duration.ofMillis(120_000));
        server.expireRequests();
        assertEquals(1, answers.size(), "an answered request does not time out too");
    }

    @Test
    void noAnswerEndsAtTheDeadlineWithRemoteServerTimeout() {
        IQ ping = ping("p2");
        clock.advance(Duration.ofMillis(59_999));
        server.expireRequests();
        assertTrue(answers.isEmpty(), "not yet");
        assertEquals(1, server.pendingRequests());
        clock.advance(Duration.ofMillis(1));
        server.expireRequests();
        assertEquals(1, answers.size());
        IQ error = answers.get(0);
        assertEquals(PacketError.Condition.remote_server_timeout, condition(error));
        assertEquals("p2", error.getID());
        assertEquals(ping.getTo(), error.getFrom());
        assertEquals(ping.getFrom(), error.getTo());
        assertEquals(0, server.pendingRequests(), "nothing is kept");

        alice.send("<iq xmlns='jabber:client' type='result' id='p2' to='example.org'/>");
        assertEquals(1, answers.size(), "a late answer finds nothing");
    }

    @Test
    void theSessionEndingEndsItsRequests() {
        ping("p3");
        ping("p4");
        alice.disconnect();
        assertEquals(List.of("p3", "p4"), answers.stream().map(IQ::getID).sorted().toList());
        assertTrue(answers.stream().allMatch(a -> condition(a) == PacketError.Condition.service_unavailable));
        assertEquals(0, server.pendingRequests());
    }

    @Test
    void onlyTheAddresseeCanAnswer() {
        TestClient bob = new TestClient(server, "bob", "desk");
        ping("p5");
        bob.send("<iq xmlns='jabber:client' type='result' id='p5' to='example.org'/>");
        assertTrue(answers.isEmpty(), "bob cannot answer alice's ping");
        alice.send("<iq xmlns='jabber:client' type='error' id='p5' to='example.org'>"
                + "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        assertEquals(1, answers.size());
        assertEquals(PacketError.Condition.service_unavailable, condition(answers.get(0)));
    }

    @Test
    void aRequestToASessionThatIsGoneIsAnsweredAtOnce() {
        alice.disconnect();
        ping("p6");
        assertEquals(1, answers.size());
        assertEquals(PacketError.Condition.service_unavailable, condition(answers.get(0)));
        assertEquals(0, server.pendingRequests());
    }
}
