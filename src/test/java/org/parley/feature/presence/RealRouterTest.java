package org.parley.feature.presence;

import org.parley.xmpp.core.testing.ManualScheduler;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.feature.offline.MemoryOfflineStore;
import org.parley.feature.offline.OfflineModule;
import org.parley.feature.roster.MemoryRosterStorage;
import org.parley.feature.roster.RosterModule;
import org.parley.feature.roster.Rosters;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.sasl.AuthThrottle;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three modules on the real core (router, sessions, stream, writer), with storage in memory. */
class RealRouterTest {
    final MemoryRosterStorage rosterStorage = new MemoryRosterStorage();
    final MemoryOfflineStore offlineStore = new MemoryOfflineStore();
    XmppServer server;

    @BeforeEach
    void start() {
        server = newServer();
    }

    XmppServer newServer() {
        XmppServer s = new XmppServer(ExampleOrg.hosts(), ExampleOrg.accounts(), new ExampleOrg.InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), true,
                XmppServer.DEFAULT_REPLY_TIMEOUT, new ManualScheduler());
        Rosters rosters = new Rosters(rosterStorage);
        s.start(List.of(new RosterModule(rosters), new PresenceModule(rosters), new OfflineModule(offlineStore)));
        return s;
    }

    TestClient login(String user, String resource) {
        TestClient c = new TestClient(server, user, resource);
        c.send("<iq xmlns='jabber:client' type='get' id='roster'><query xmlns='jabber:iq:roster'/></iq>");
        c.send("<presence xmlns='jabber:client'/>");
        return c;
    }

    @Test
    void streamFeatureAfterAuth() {
        TestClient c = new TestClient(server, "alice", "phone");
        Element features = c.received().stream().filter(e -> e.getName().equals("features")).reduce((a, b) -> b)
                .orElseThrow();
        assertNotNull(features.element(org.dom4j.QName.get("ver", "urn:xmpp:features:rosterver")));
    }

    @Test
    void subscribeChatGoOfflineAndComeBack() {
        TestClient alice = login("alice", "phone");
        TestClient bob = login("bob", "desk");
        alice.send("<iq xmlns='jabber:client' type='set' id='add'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@example.org' name='Bob'/></query></iq>");
        alice.send("<presence xmlns='jabber:client' to='bob@example.org' type='subscribe'/>");
        Element request = bob.received("presence", "subscribe").get(0);
        assertEquals("alice@example.org", request.attributeValue("from"));
        bob.send("<presence xmlns='jabber:client' to='alice@example.org' type='subscribed'/>");
        bob.send("<presence xmlns='jabber:client' to='alice@example.org' type='subscribe'/>");
        alice.send("<presence xmlns='jabber:client' to='bob@example.org' type='subscribed'/>");

        Element push = alice.received("iq", "set").stream().reduce((a, b) -> b).orElseThrow();
        Element item = push.element("query").element("item");
        assertEquals("jabber:iq:roster", push.element("query").getNamespaceURI());
        assertEquals("both", item.attributeValue("subscription"));
        assertEquals("Bob", item.attributeValue("name"));
        assertTrue(alice.received("presence", null).stream()
                .anyMatch(p -> "bob@example.org/desk".equals(p.attributeValue("from"))));

        alice.clear();
        bob.send("<presence xmlns='jabber:client'><show>away</show><c xmlns='http://jabber.org/protocol/caps' "
                + "hash='sha-1' node='n' ver='v='/></presence>");
        Element away = alice.received("presence", null).get(0);
        assertEquals("away", away.elementText("show"));
        assertEquals("v=", away.element("c").attributeValue("ver"));

        alice.clear();
        bob.disconnect();
        assertEquals("bob@example.org/desk", alice.received("presence", "unavailable").get(0).attributeValue("from"));

        alice.send("<message xmlns='jabber:client' to='bob@example.org' type='chat'><body>while away</body></message>");
        assertTrue(alice.received("message", "error").isEmpty());
        assertEquals(1, offlineStore.rows.size());

        TestClient bobAgain = login("bob", "laptop");
        Element msg = bobAgain.received("message", "chat").get(0);
        assertEquals("while away", msg.elementText("body"));
        assertEquals("alice@example.org/phone", msg.attributeValue("from"));
        Element delay = msg.element(org.dom4j.QName.get("delay", "urn:xmpp:delay"));
        assertEquals("example.org", delay.attributeValue("from"));
        assertTrue(offlineStore.rows.isEmpty());
        assertTrue(bobAgain.received("presence", null).stream()
                .anyMatch(p -> "alice@example.org/phone".equals(p.attributeValue("from"))), "probe answered");
    }

    @Test
    void rosterOfAnotherUserIsRefused() {
        TestClient alice = login("alice", "phone");
        alice.send("<iq xmlns='jabber:client' type='set' id='x' to='bob@example.org'><query xmlns='jabber:iq:roster'>"
                + "<item jid='carol@example.org'/></query></iq>");
        Element error = alice.received("iq", "error").get(0);
        assertNotNull(error.element("error").element("forbidden"));
    }
}
