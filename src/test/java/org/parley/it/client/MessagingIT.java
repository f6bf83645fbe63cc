package org.parley.it.client;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.xhtmlim.packet.XHTMLExtension;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.Inbox;
import org.parley.it.support.TestAccounts.Account;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat messages both ways with extension payloads passed through untouched (RFC 6121 §5, §8.5; RFC 6120 §8.4). */
class MessagingIT extends ClientTestBase {
    private static final String CUSTOM_NS = "urn:parley:it:payload";

    private static StandardExtensionElement customPayload() {
        return StandardExtensionElement.builder("payload", CUSTOM_NS)
                .addAttribute("kind", "test")
                .addAttribute("n", "42")
                .addElement(StandardExtensionElement.builder("inner", CUSTOM_NS).addAttribute("lang", "x")
                        .setText("text & <escaped> \"quotes\" \u00e9\u6f22").build())
                .addElement("second", "plain")
                .build();
    }

    private static ChatStateExtension chatState(Message m) {
        return (ChatStateExtension) m.getExtension(ChatStateExtension.NAMESPACE);
    }

    @Test
    void chatMessagesBothWaysKeepTheirPayloads() throws Exception {
        Account alice = accounts.create("msga");
        Account bob = accounts.create("msgb");
        XMPPTCPConnection a = login(alice, "a");
        XMPPTCPConnection b = login(bob, "b");

        XHTMLExtension xhtml = new XHTMLExtension();
        xhtml.addBody("<body xmlns='http://www.w3.org/1999/xhtml'><p>Hello <strong>Bob</strong></p></body>");
        Message sent = a.getStanzaFactory().buildMessageStanza().to(b.getUser()).ofType(Message.Type.chat)
                .setBody("Hello Bob").setThread("thread-1")
                .addExtension(new ChatStateExtension(ChatState.active))
                .addExtension(xhtml)
                .addExtension(customPayload())
                .build();
        try (Inbox<Message> bIn = Inbox.messages(b)) {
            a.sendStanza(sent);
            Message got = bIn.next("Alice's chat message");
            assertEquals(sent.getStanzaId(), got.getStanzaId(), "the id is kept");
            assertEquals(a.getUser(), got.getFrom(), "'from' is the sender's full JID (RFC 6120 §8.1.2.1)");
            assertEquals(b.getUser(), got.getTo());
            assertEquals(Message.Type.chat, got.getType());
            assertEquals("Hello Bob", got.getBody());
            assertEquals("thread-1", got.getThread());
            ChatStateExtension cs = chatState(got);
            assertNotNull(cs, "XEP-0085 chat state kept");
            assertEquals(ChatState.active, cs.getChatState());
            XHTMLExtension x = XHTMLExtension.from(got);
            assertNotNull(x, "XEP-0071 XHTML-IM kept");
            assertEquals(1, x.getBodiesCount());
            String body = x.getBodies().get(0).toString();
            assertTrue(body.contains("<strong>Bob</strong>") && body.contains("http://www.w3.org/1999/xhtml"), body);
            StandardExtensionElement p = got.getExtension("payload", CUSTOM_NS);
            assertNotNull(p, "a custom extension is routed untouched");
            assertEquals("test", p.getAttributeValue("kind"));
            assertEquals("42", p.getAttributeValue("n"));
            assertEquals("text & <escaped> \"quotes\" \u00e9\u6f22", p.getFirstElement("inner").getText());
            assertEquals("x", p.getFirstElement("inner").getAttributeValue("lang"));
            assertEquals("plain", p.getFirstElement("second").getText());
        }

        // Bob answers: a standalone chat state notification, then a message to Alice's bare JID
        try (Inbox<Message> aIn = Inbox.messages(a)) {
            b.sendStanza(b.getStanzaFactory().buildMessageStanza().to(a.getUser()).ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(ChatState.composing)).build());
            b.sendStanza(b.getStanzaFactory().buildMessageStanza().to(alice.jid()).ofType(Message.Type.chat)
                    .setBody("Hi Alice").setThread("thread-1")
                    .addExtension(new ChatStateExtension(ChatState.active)).addExtension(customPayload()).build());
            Message composing = aIn.next("Bob's composing notification");
            assertNull(composing.getBody());
            assertEquals(ChatState.composing, chatState(composing).getChatState());
            Message reply = aIn.next("Bob's reply to the bare JID");
            assertEquals("Hi Alice", reply.getBody());
            assertEquals(b.getUser(), reply.getFrom());
            assertEquals("42", ((StandardExtensionElement) reply.getExtension("payload", CUSTOM_NS))
                    .getAttributeValue("n"));
        }
    }

    @Test
    void aMessageToTheBareJidGoesToTheHighestPriorityResource() throws Exception {
        Account alice = accounts.create("prioa");
        Account bob = accounts.create("priob");
        XMPPTCPConnection a = login(alice, "a");
        XMPPTCPConnection low = login(bob, "low");
        XMPPTCPConnection high = login(bob, "high");
        sendPresence(low, 1, Presence.Mode.available, null);
        sendPresence(high, 7, Presence.Mode.available, null);
        // the priorities are in effect once a round trip on each stream has passed
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(low).pingMyServer();
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(high).pingMyServer();

        try (Inbox<Message> lowIn = Inbox.messages(low); Inbox<Message> highIn = Inbox.messages(high)) {
            a.sendStanza(a.getStanzaFactory().buildMessageStanza().to(bob.jid()).ofType(Message.Type.chat)
                    .setBody("to the bare JID").build());
            assertEquals("to the bare JID", highIn.next("the message on the priority 7 resource").getBody());
            assertNull(lowIn.poll(Duration.ofSeconds(1)),
                    "RFC 6121 §8.5.2.1.1: chat goes to the highest priority resource only");
        }
    }

    @Test
    void aMessageToAnUnknownUserBouncesWithServiceUnavailable() throws Exception {
        Account alice = accounts.create("bounce");
        XMPPTCPConnection a = login(alice, "a");
        try (Inbox<Message> aIn = Inbox.messages(a)) {
            Message m = a.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityBareFrom("nobody-" + System.nanoTime() + "@" + alice.jid().getDomain()))
                    .ofType(Message.Type.chat).setBody("anyone?").build();
            a.sendStanza(m);
            Message err = aIn.next("the error bounce");
            assertEquals(Message.Type.error, err.getType());
            assertEquals(m.getStanzaId(), err.getStanzaId());
            assertEquals(StanzaError.Condition.service_unavailable, err.getError().getCondition(),
                    "RFC 6121 §8.5.1");
        }
    }
}
