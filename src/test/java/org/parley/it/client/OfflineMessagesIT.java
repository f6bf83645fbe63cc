package org.parley.it.client;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.Inbox;
import org.parley.it.support.TestAccounts.Account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offline messages (XEP-0160): stored while the recipient is offline, delivered in order with XEP-0203 stamps. */
class OfflineMessagesIT extends ClientTestBase {
    /** Clocks of client and server are the same machine's; allow for rounding of the stamp to seconds. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    /** Sends numbered chat messages to the bare JID; returns their ids, after a round trip proved them routed. */
    static List<String> sendNumbered(XMPPTCPConnection from, Account to, String prefix, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Message m = from.getStanzaFactory().buildMessageStanza().to(to.jid()).ofType(Message.Type.chat)
                    .setBody(prefix + " " + i).build();
            ids.add(m.getStanzaId());
            from.sendStanza(m);
        }
        // the server handles a stream's stanzas in order: once the ping is answered the messages are stored
        assertTrue(PingManager.getInstanceFor(from).pingMyServer());
        return ids;
    }

    /** Logs {@code to} in and checks that exactly the numbered messages arrive, in order, with delay stamps. */
    static void expectDelivered(XMPPTCPConnection connectedNotLoggedIn, XMPPTCPConnection sender, String prefix,
                                List<String> ids, Instant sentAfter) throws Exception {
        try (Inbox<Message> in = Inbox.messages(connectedNotLoggedIn)) {
            connectedNotLoggedIn.login(); // sends initial presence: the trigger for delivery (XEP-0160 §3)
            for (int i = 1; i <= ids.size(); i++) {
                Message m = in.next("offline message " + i + " of " + ids.size());
                assertEquals(prefix + " " + i, m.getBody(), "offline messages come in the order they were sent");
                assertEquals(ids.get(i - 1), m.getStanzaId());
                assertEquals(sender.getUser(), m.getFrom(), "the original sender's full JID");
                assertEquals(Message.Type.chat, m.getType());
                DelayInformation delay = DelayInformation.from(m);
                assertNotNull(delay, "XEP-0160 §3: offline messages carry a XEP-0203 delay element");
                Instant stamp = delay.getStamp().toInstant();
                assertTrue(!stamp.isBefore(sentAfter.minus(SLACK)) && !stamp.isAfter(Instant.now().plus(SLACK)),
                        "the stamp " + stamp + " is when the server stored the message (sent after " + sentAfter + ")");
            }
            assertNull(in.poll(Duration.ofSeconds(1)), "nothing beyond the stored messages");
        }
    }

    @Test
    void messagesToAnOfflineUserArriveInOrderWithDelayStamps() throws Exception {
        Account alice = accounts.create("offa");
        Account bob = accounts.create("offb");
        XMPPTCPConnection a = login(alice, "a");
        Instant before = Instant.now();
        List<String> ids = sendNumbered(a, bob, "offline", 3);

        XMPPTCPConnection b = connected(bob, "b");
        expectDelivered(b, a, "offline", ids, before);

        // delivered messages are gone from storage: the next login gets none
        b.disconnect();
        XMPPTCPConnection again = connected(bob, "b-again");
        try (Inbox<Message> in = Inbox.messages(again)) {
            again.login();
            assertNull(in.poll(Duration.ofSeconds(2)), "offline storage is emptied on delivery");
        }
    }

    @Test
    void headlinesAreNotStoredForOfflineUsers() throws Exception {
        Account alice = accounts.create("heada");
        Account bob = accounts.create("headb");
        XMPPTCPConnection a = login(alice, "a");
        a.sendStanza(a.getStanzaFactory().buildMessageStanza().to(bob.jid()).ofType(Message.Type.headline)
                .setBody("news flash").build());
        Instant before = Instant.now();
        List<String> ids = sendNumbered(a, bob, "kept", 1);

        XMPPTCPConnection b = connected(bob, "b");
        // RFC 6121 §8.5.2.2.1 / XEP-0160 §4: headline messages are not stored; the chat message is
        expectDelivered(b, a, "kept", ids, before);
    }
}
