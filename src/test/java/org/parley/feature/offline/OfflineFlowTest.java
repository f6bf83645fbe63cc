package org.parley.feature.offline;

import org.junit.jupiter.api.Test;
import org.parley.feature.presence.ImSession;
import org.parley.feature.presence.ImFixture;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XEP-0160 through the presence module's availability event. */
class OfflineFlowTest {
    final MemoryOfflineStore store = new MemoryOfflineStore();
    final OfflineModule module = new OfflineModule(store);
    final ImFixture im = new ImFixture(module);

    Message chat(ImSession from, String to, String body) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setTo(to);
        if (body != null) {
            m.setBody(body);
        }
        im.server.send(from, m);
        return m;
    }

    @Test
    void storedWhileOfflineDeliveredInOrderWithDelay() {
        ImSession alice = im.login("alice@example.org/phone");
        chat(alice, "bob@example.org", "one");
        chat(alice, "bob@example.org/gone", "two");
        assertEquals(2, store.count("bob@example.org"));
        assertTrue(im.server.bounced.isEmpty());

        ImSession bob = im.login("bob@example.org/desk");
        List<Message> got = bob.messages();
        assertEquals(List.of("one", "two"), got.stream().map(Message::getBody).toList());
        var delay = got.get(0).getChildElement("delay", "urn:xmpp:delay");
        assertNotNull(delay);
        assertEquals("example.org", delay.attributeValue("from"));
        assertTrue(delay.attributeValue("stamp").endsWith("Z"));
        assertEquals("alice@example.org/phone", got.get(0).getFrom().toString());
        assertEquals(0, store.count("bob@example.org"));

        ImSession laptop = im.login("bob@example.org/laptop");
        assertTrue(laptop.messages().isEmpty(), "delivered once");
    }

    @Test
    void mailboxesEmptyAtStartAreNeverReadUntilAMessageIsStored() {
        int[] lists = {0};
        MemoryOfflineStore counting = new MemoryOfflineStore() {
            @Override
            public List<Stored> list(String owner) {
                lists[0]++;
                return super.list(owner);
            }
        };
        ImFixture fx = new ImFixture(new OfflineModule(counting));
        ImSession alice = fx.login("alice@example.org/phone");
        ImSession bob = fx.login("bob@example.org/desk");
        fx.server.close(bob);
        fx.login("bob@example.org/desk");
        assertEquals(0, lists[0], "nothing was stored when the module started: no query on login");

        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setTo("carol@example.org");
        m.setBody("stored");
        fx.server.send(alice, m);
        ImSession carol = fx.login("carol@example.org/desk");
        assertEquals("stored", carol.messages().get(0).getBody());
        assertEquals(1, lists[0]);
        fx.server.close(carol);
        ImSession again = fx.login("carol@example.org/laptop");
        assertTrue(again.messages().isEmpty());
        assertEquals(1, lists[0], "emptied by the delivery");
    }

    @Test
    void afterARestartOnlyTheMailboxesWithMessagesAreRead() {
        ImSession alice = im.login("alice@example.org/phone");
        chat(alice, "bob@example.org", "kept");
        List<String> listed = new java.util.ArrayList<>();
        MemoryOfflineStore counting = new MemoryOfflineStore() {
            @Override
            public List<Stored> list(String owner) {
                listed.add(owner);
                return super.list(owner);
            }
        };
        counting.rows.addAll(store.rows);
        ImFixture restarted = new ImFixture(im.storage, new OfflineModule(counting));
        restarted.login("carol@example.org/desk");
        ImSession bob = restarted.login("bob@example.org/desk");
        assertEquals("kept", bob.messages().get(0).getBody());
        assertEquals(List.of("bob@example.org"), listed);
    }

    @Test
    void survivesRestart() {
        ImSession alice = im.login("alice@example.org/phone");
        chat(alice, "bob@example.org", "before restart");
        ImFixture restarted = new ImFixture(im.storage, new OfflineModule(store));
        ImSession bob = restarted.login("bob@example.org/desk");
        assertEquals("before restart", bob.messages().get(0).getBody());
    }

    @Test
    void chatStatesAreNotStored() {
        ImSession alice = im.login("alice@example.org/phone");
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setTo("bob@example.org");
        m.addChildElement("composing", "http://jabber.org/protocol/chatstates");
        im.server.send(alice, m);
        assertEquals(0, store.count("bob@example.org"));
        assertTrue(im.server.bounced.isEmpty(), "dropped, not bounced");
    }

    @Test
    void fullMailboxBounces() {
        HostSettings s = im.server.settings("example.org");
        im.server.hosts.put("example.org", s.with(OfflineSettings.MAX_OFFLINE_MESSAGES, 2));
        ImSession alice = im.login("alice@example.org/phone");
        chat(alice, "bob@example.org", "1");
        chat(alice, "bob@example.org", "2");
        chat(alice, "bob@example.org", "3");
        assertEquals(2, store.count("bob@example.org"));
        assertEquals(1, im.server.bounced.size(), "the router answers service-unavailable");
    }

    @Test
    void negativePriorityWaitsUntilRaised() {
        ImSession alice = im.login("alice@example.org/phone");
        chat(alice, "bob@example.org", "hello");
        ImSession bob = im.server.bind("bob@example.org/desk");
        im.available(bob, -1, null);
        assertTrue(bob.messages().isEmpty());
        assertEquals(1, store.count("bob@example.org"));
        im.available(bob, 1, null);
        assertEquals("hello", bob.messages().get(0).getBody());
        assertEquals(0, store.count("bob@example.org"));
        im.server.send(bob, new Presence(Presence.Type.unavailable));
    }

    @Test
    void deletedAccountLosesItsMessages() {
        ImSession alice = im.login("alice@example.org/phone");
        chat(alice, "bob@example.org", "hello");
        chat(alice, "carol@example.org", "hello");
        module.onAccountDeleted(new org.parley.domain.account.AccountDeleted("bob@example.org"));
        assertEquals(0, store.count("bob@example.org"));
        assertEquals(1, store.count("carol@example.org"));
    }

    @Test
    void announcesMsgoffline() {
        assertTrue(im.server.disco.serverFeatures().contains("msgoffline"));
    }
}
