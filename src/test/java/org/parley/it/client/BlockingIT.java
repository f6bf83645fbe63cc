package org.parley.it.client;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.parley.it.support.Await;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.Inbox;
import org.parley.it.support.TestAccounts.Account;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking command (XEP-0191). */
class BlockingIT extends ClientTestBase {

    private static Message chat(XMPPTCPConnection from, Jid to, String body) {
        return from.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    @Test
    void blockingStopsMessagesBothWaysAndUnblockingRestoresThem() throws Exception {
        Account alice = accounts.create("blka");
        Account bob = accounts.create("blkb");
        XMPPTCPConnection a = login(alice, "a");
        XMPPTCPConnection b = login(bob, "b");
        BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(a);
        assertTrue(blocking.isSupportedByServer(), "the server advertises urn:xmpp:blocking");
        assertTrue(blocking.getBlockList().isEmpty());

        blocking.blockContacts(List.of(bob.jid()));
        // Smack updates its cached list from the server's push, which may follow the IQ result
        Await.value("the block list to hold B", () -> blockList(blocking), l -> l.equals(List.of((Jid) bob.jid())));

        try (Inbox<Message> aIn = Inbox.messages(a); Inbox<Message> bIn = Inbox.messages(b)) {
            // B -> A: not delivered (XEP-0191 §3.3); B gets service-unavailable
            Message fromB = chat(b, a.getUser(), "can you hear me?");
            b.sendStanza(fromB);
            Message bError = bIn.next("the error for B's message to the user who blocked B");
            assertEquals(Message.Type.error, bError.getType());
            assertEquals(fromB.getStanzaId(), bError.getStanzaId());
            assertEquals(StanzaError.Condition.service_unavailable, bError.getError().getCondition(),
                    "XEP-0191 §3.3: service-unavailable for messages from a blocked JID");
            b.sendStanza(chat(b, alice.jid(), "to the bare JID as well"));
            assertTrue(PingManager.getInstanceFor(b).pingMyServer());
            assertNull(aIn.poll(Duration.ofSeconds(1)), "A must not receive anything from a blocked JID");
            bIn.drain();

            // A -> B: refused with not-acceptable + <blocked/> (XEP-0191 §3.3)
            Message toB = chat(a, bob.jid(), "you are blocked");
            a.sendStanza(toB);
            Message aError = aIn.next("the error for A's message to a JID A blocked");
            assertEquals(Message.Type.error, aError.getType());
            assertEquals(toB.getStanzaId(), aError.getStanzaId());
            assertEquals(StanzaError.Condition.not_acceptable, aError.getError().getCondition());
            assertNotNull(aError.getError().getExtension("blocked", "urn:xmpp:blocking:errors"),
                    "the application-specific <blocked xmlns='urn:xmpp:blocking:errors'/>");
            assertNull(bIn.poll(Duration.ofSeconds(1)), "B must not receive A's message");
        }

        blocking.unblockContacts(List.of(bob.jid()));
        Await.value("the block list to be empty", () -> blockList(blocking), List::isEmpty);
        try (Inbox<Message> aIn = Inbox.messages(a); Inbox<Message> bIn = Inbox.messages(b)) {
            b.sendStanza(chat(b, a.getUser(), "unblocked?"));
            assertEquals("unblocked?", aIn.next("B's message after unblocking").getBody());
            a.sendStanza(chat(a, b.getUser(), "yes"));
            assertEquals("yes", bIn.next("A's message after unblocking").getBody());
        }
    }

    @Test
    void theBlockListIsStoredAcrossSessions() throws Exception {
        Account alice = accounts.create("blks");
        Account bob = accounts.create("blkt");
        XMPPTCPConnection a = login(alice, "a");
        BlockingCommandManager.getInstanceFor(a).blockContacts(List.of(bob.jid()));
        a.disconnect();
        XMPPTCPConnection again = login(alice, "again");
        assertEquals(List.of((Jid) bob.jid()), BlockingCommandManager.getInstanceFor(again).getBlockList());
        BlockingCommandManager.getInstanceFor(again).unblockAll();
        Await.value("the block list to be empty", () -> blockList(BlockingCommandManager.getInstanceFor(again)),
                List::isEmpty);
        // and so it is stored: a new session fetches it from the server
        again.disconnect();
        XMPPTCPConnection third = login(alice, "third");
        assertTrue(BlockingCommandManager.getInstanceFor(third).getBlockList().isEmpty(), "unblock-all is stored");
    }

    private static List<Jid> blockList(BlockingCommandManager m) {
        try {
            return m.getBlockList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
