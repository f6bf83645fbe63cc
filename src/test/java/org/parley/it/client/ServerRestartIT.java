package org.parley.it.client;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Await;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.Clients;
import org.parley.it.support.ServerControl;
import org.parley.it.support.TestAccounts.Account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Offline messages are stored durably: they survive a restart of the server (XEP-0160 storage). */
class ServerRestartIT extends ClientTestBase {

    @Test
    void offlineMessagesSurviveAServerRestart() throws Exception {
        assumeTrue(ServerControl.canReload(), "no management access: set parley.jboss.home and parley.mgmt.port");
        Account alice = accounts.create("rsta");
        Account bob = accounts.create("rstb");
        XMPPTCPConnection a = Clients.login(alice, "a");
        Instant before = Instant.now();
        List<String> ids;
        try {
            ids = OfflineMessagesIT.sendNumbered(a, bob, "before restart", 3);
        } finally {
            Clients.close(a);
        }

        // a session open across the reload proves the old deployment really went away
        XMPPTCPConnection watcher = Clients.login(alice, "watcher");
        // and a raw one sees the graceful end: <stream:error><system-shutdown/> then </stream:stream>
        org.parley.it.support.RawXmpp raw = org.parley.it.support.RawXmpp.connect();
        try {
            raw.loginPlain(alice.username(), alice.password(), "raw");
            ServerControl.reload();
            Await.until("the server to have ended the session open across the reload", Duration.ofSeconds(30),
                    () -> !watcher.isConnected());
            raw.readToEnd(Duration.ofSeconds(30));
            String seen = raw.received();
            org.junit.jupiter.api.Assertions.assertTrue(seen.contains("system-shutdown")
                    && seen.trim().endsWith("</stream:stream>"), "graceful close on shutdown: " + seen);
        } finally {
            Clients.close(watcher);
            raw.close();
        }
        ServerControl.awaitXmppUp(Duration.ofMinutes(3), alice);

        XMPPTCPConnection a2 = login(alice, "a"); // same full JID as the sender had
        XMPPTCPConnection b = connected(bob, "b");
        OfflineMessagesIT.expectDelivered(b, a2, "before restart", ids, before);
    }
}
