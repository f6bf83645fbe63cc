package org.parley.it.support;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Smack 4.4.8 clients as a real user's client would connect: TCP to the STARTTLS port, TLS required (trusting
 * only the server's pinned certificate), SCRAM-SHA-1 (Smack 4.4 has no SCRAM-SHA-256 client), domain
 * {@code localhost} at 127.0.0.1.
 */
public final class Clients {
    /** The SASL mechanism the tests insist on: the strongest Smack 4.4.8 implements. */
    public static final String SASL_MECHANISM = "SCRAM-SHA-1";

    static {
        SmackEnvironment.init();
    }

    private Clients() {
    }

    public static XMPPTCPConnectionConfiguration.Builder builder(String username, String password, String resource) {
        try {
            XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(ItConfig.domain())
                    .setHostAddress(InetAddress.getByName(ItConfig.host()))
                    .setPort(ItConfig.c2sPort())
                    .setSecurityMode(SecurityMode.required)
                    .setCustomX509TrustManager(ServerTrust.trustManager())
                    .addEnabledSaslMechanism(SASL_MECHANISM)
                    .setCompressionEnabled(false)
                    .setConnectTimeout(10_000)
                    .setUsernameAndPassword(username, password);
            if (resource != null) {
                b.setResource(resource);
            }
            return b;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connected but not yet logged-in connection. */
    public static XMPPTCPConnection connected(String username, String password, String resource)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection c = new XMPPTCPConnection(builder(username, password, resource).build());
        c.setReplyTimeout(ItConfig.timeoutMillis());
        c.setUseStreamManagement(false);
        c.connect();
        return c;
    }

    /** Connected and logged in (sends initial presence, as Smack does by default). */
    public static XMPPTCPConnection login(TestAccounts.Account account, String resource)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection c = connected(account.username(), account.password(), resource);
        try {
            c.login();
        } catch (SmackException | IOException | XMPPException | InterruptedException | RuntimeException e) {
            c.disconnect();
            throw e;
        }
        return c;
    }

    /** Logged in as the server's bootstrap admin. */
    public static XMPPTCPConnection loginAdmin(String resource)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection c = connected(ItConfig.adminUsername(), ItConfig.adminPassword(), resource);
        c.login();
        return c;
    }

    /** Disconnects quietly (a test's cleanup must not hide its failure). */
    public static void close(XMPPTCPConnection... connections) {
        for (XMPPTCPConnection c : connections) {
            if (c != null) {
                try {
                    c.disconnect();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }
    }
}
