package org.parley.it.browser;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Clients;
import org.parley.it.support.ItConfig;
import org.parley.it.support.TestAccounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console in headless Chromium (src/test/e2e/console.mjs, see {@link NodeScript}), together with a
 * real XMPP client: the admin creates an account in the browser, this test logs a Smack client in as it, the
 * admin kicks that session from the sessions page and the client is disconnected; then the account (no admin)
 * gets 403 for the console, and the users page fits a 360 px wide screen.
 */
class ConsoleBrowserIT {

    @BeforeAll
    static void prerequisites() {
        NodeScript.prerequisites();
    }

    @Test
    void adminCreatesAUserAndKicksItsClient() throws Exception {
        String suffix = TestAccounts.RUN_ID + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        TestAccounts.Account account = new TestAccounts.Account("console-" + suffix, "pw-console-" + suffix);
        String resource = "smack-" + suffix;
        NodeScript script = NodeScript.start("console.mjs", Map.of(
                "E2E_USER_JID", account.username() + "@" + ItConfig.domain(),
                "E2E_USER_PASSWORD", account.password(),
                "E2E_USER_RESOURCE", resource));
        XMPPTCPConnection client = null;
        try {
            script.await("CREATED", Duration.ofSeconds(120)); // the browser created the account
            client = Clients.login(account, resource);
            CountDownLatch closed = new CountDownLatch(1);
            client.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosed() {
                    closed.countDown();
                }

                @Override
                public void connectionClosedOnError(Exception e) {
                    closed.countDown();
                }
            });
            assertTrue(closed.await(120, TimeUnit.SECONDS), "the kick from the sessions page ends the client's stream");
            assertFalse(client.isConnected());
            script.assertPassed();
        } finally {
            script.close();
            Clients.close(client);
        }
    }
}
