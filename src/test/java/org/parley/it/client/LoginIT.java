package org.parley.it.client;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.Await;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.Clients;
import org.parley.it.support.Inbox;
import org.parley.it.support.TestAccounts.Account;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login over STARTTLS + SCRAM (RFC 6120 §5, §6), resource binding (§7) and session replacement (§7.7.2.2). */
class LoginIT extends ClientTestBase {

    @Test
    void loginOverStartTlsWithScramReportsTheBoundJid() throws Exception {
        Account a = accounts.create("login");
        XMPPTCPConnection c = login(a, "laptop");
        assertTrue(c.isAuthenticated());
        assertTrue(c.isSecureConnection(), "STARTTLS must have been negotiated");
        assertEquals(JidCreate.entityFullFrom(a.jid() + "/laptop"), c.getUser());
        assertTrue(PingManager.getInstanceFor(c).pingMyServer(), "the bound session answers pings");
    }

    @Test
    void theServerGeneratesAResourceWhenNoneIsRequested() throws Exception {
        Account a = accounts.create("genres");
        XMPPTCPConnection c = login(a, null);
        assertEquals(a.jid(), c.getUser().asEntityBareJid());
        assertFalse(c.getUser().getResourcepart().toString().isBlank(), "RFC 6120 §7.6.2.1: a generated resource");
    }

    @Test
    void aWrongPasswordFailsWithNotAuthorized() throws Exception {
        Account a = accounts.create("wrongpw");
        XMPPTCPConnection c = connected(a, "x");
        XMPPTCPConnection bad = Clients.connected(a.username(), a.password() + "-wrong", "x");
        try {
            SASLErrorException e = assertThrows(SASLErrorException.class, bad::login);
            assertEquals(SASLError.not_authorized, e.getSASLFailure().getSASLError(), "RFC 6120 §6.5.10");
        } finally {
            Clients.close(bad);
        }
        // the right password still works afterwards
        c.login();
        assertTrue(c.isAuthenticated());
    }

    @Test
    void anUnknownUserFailsWithNotAuthorizedToo() throws Exception {
        XMPPTCPConnection bad = Clients.connected("nobody-" + System.nanoTime(), "secret", "x");
        try {
            SASLErrorException e = assertThrows(SASLErrorException.class, bad::login);
            assertEquals(SASLError.not_authorized, e.getSASLFailure().getSASLError(),
                    "RFC 6120 §6.5.10: the same failure as a wrong password, revealing nothing");
        } finally {
            Clients.close(bad);
        }
    }

    @Test
    void aDeletedAccountCanNoLongerLogIn() throws Exception {
        Account a = accounts.create("deleted");
        Clients.close(Clients.login(a, "once"));
        accounts.delete(a);
        XMPPTCPConnection bad = Clients.connected(a.username(), a.password(), "again");
        try {
            SASLErrorException e = assertThrows(SASLErrorException.class, bad::login);
            assertEquals(SASLError.not_authorized, e.getSASLFailure().getSASLError());
        } finally {
            Clients.close(bad);
        }
    }

    @Test
    void aSecondLoginWithTheSameResourceReplacesTheFirstWithAConflictStreamError() throws Exception {
        Account a = accounts.create("conflict");
        Account b = accounts.create("conflictpeer");
        XMPPTCPConnection first = login(a, "same");
        AtomicReference<Exception> closedWith = new AtomicReference<>();
        first.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closedWith.set(e);
            }
        });

        XMPPTCPConnection second = login(a, "same");
        assertEquals(first.getUser(), second.getUser(), "the new session has the same full JID");

        Await.until("the first session to be closed with a stream error", () -> closedWith.get() != null);
        XMPPException.StreamErrorException se = assertInstanceOf(XMPPException.StreamErrorException.class,
                closedWith.get(), "RFC 6120 §7.7.2.2: the old session ends with a stream error");
        assertEquals(StreamError.Condition.conflict, se.getStreamError().getCondition());
        assertFalse(first.isConnected());

        // stanzas to the full JID now reach the new session
        XMPPTCPConnection peer = login(b, "peer");
        try (Inbox<Message> inbox = Inbox.messages(second)) {
            peer.sendStanza(peer.getStanzaFactory().buildMessageStanza().to(second.getUser())
                    .ofType(Message.Type.chat).setBody("to the new session").build());
            Message m = inbox.next("a message to the replaced full JID");
            assertEquals("to the new session", m.getBody());
        }
    }
}
