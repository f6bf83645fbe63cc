package org.parley.it.support;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the Smack client ITs: one account fixture per test class (accounts deleted at the end) and the
 * connections a test opens, closed after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientTestBase {
    protected TestAccounts accounts;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    @BeforeAll
    void openAccountFixture() throws Exception {
        accounts = TestAccounts.open();
    }

    @AfterAll
    void closeAccountFixture() {
        if (accounts != null) {
            accounts.close();
        }
    }

    @AfterEach
    void closeConnections() {
        Clients.close(open.toArray(XMPPTCPConnection[]::new));
        open.clear();
    }

    /** Logged in (initial presence sent); closed after the test. */
    protected XMPPTCPConnection login(TestAccounts.Account a, String resource) throws Exception {
        XMPPTCPConnection c = Clients.login(a, resource);
        open.add(c);
        return c;
    }

    /** Connected, not logged in yet (to register listeners first); closed after the test. */
    protected XMPPTCPConnection connected(TestAccounts.Account a, String resource) throws Exception {
        XMPPTCPConnection c = Clients.connected(a.username(), a.password(), resource);
        open.add(c);
        return c;
    }

    /** Sends available presence with a priority (RFC 6121 §4.7.2.3). */
    protected static void sendPresence(XMPPTCPConnection c, int priority, Presence.Mode mode, String status)
            throws Exception {
        c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                .setPriority(priority).setMode(mode).setStatus(status).build());
    }

    protected static DomainBareJid domainJid() {
        return JidCreate.domainBareFromOrThrowUnchecked(ItConfig.domain());
    }
}
