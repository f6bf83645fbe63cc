package org.parley.feature.presence;

import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.feature.offline.MemoryOfflineStore;
import org.parley.feature.offline.OfflineModule;
import org.parley.feature.roster.MemoryRosterStorage;
import org.parley.feature.roster.RosterModule;
import org.parley.feature.roster.Rosters;
import org.parley.xmpp.core.AccountDirectory;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.sasl.CredentialStore;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.xmpp.packet.JID;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three modules on the real core (router, sessions, stream, writer), with storage in memory. */
class RealRouterTest {
    static final Set<String> USERS = Set.of("alice", "bob");
    final MemoryRosterStorage rosterStorage = new MemoryRosterStorage();
    final MemoryOfflineStore offlineStore = new MemoryOfflineStore();
    XmppServer server;

    @BeforeEach
    void start() {
        server = newServer();
    }

    XmppServer newServer() {
        Hosts hosts = new Hosts() {
            public boolean isLocal(String d) {
                return "example.org".equals(d);
            }

            public Set<String> domains() {
                return Set.of("example.org");
            }

            public HostSettings settings(String d) {
                return HostSettings.defaults(d);
            }
        };
        XmppServer s = new XmppServer(hosts, new Accounts(), new InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), true);
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

    /** Accounts alice and bob, password "secret". */
    static final class Accounts implements AccountDirectory {
        public boolean exists(JID bare) {
            return "example.org".equals(bare.getDomain()) && USERS.contains(bare.getNode());
        }

        public boolean isEnabled(JID bare) {
            return exists(bare);
        }

        public boolean isAdmin(JID bare) {
            return false;
        }

        public CredentialStore credentials(String domain) {
            return new CredentialStore() {
                public Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg) {
                    return Optional.empty();
                }

                @Override
                public boolean verifyPlain(String username, String password) {
                    return USERS.contains(username) && "secret".equals(password);
                }

                public boolean isEnabled(String username) {
                    return USERS.contains(username);
                }
            };
        }
    }

    /** Runs every task at once, in the caller's thread: the test sees the outcome of each send. */
    static final class InlineExecutor extends AbstractExecutorService {
        public void execute(Runnable command) {
            command.run();
        }

        public void shutdown() {
        }

        public List<Runnable> shutdownNow() {
            return List.of();
        }

        public boolean isShutdown() {
            return false;
        }

        public boolean isTerminated() {
            return false;
        }

        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
