package org.parley.it.bosh;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.bosh.BOSHConfiguration;
import org.jivesoftware.smack.bosh.XMPPBOSHConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smack 4.4.8's BOSH connection (jbosh) as a real client: login, roster, chat with a TCP client. */
class BoshSmackIT {
    private static final int TIMEOUT = 15_000;

    static {
        // the test classpath holds the server's StAX parser (Aalto); Smack runs on the JDK's, as in an application
        if (System.getProperty("javax.xml.stream.XMLInputFactory") == null) {
            System.setProperty("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
    }

    private final AdminApi admin = new AdminApi();
    private final String suffix = HexFormat.of().formatHex(randomBytes());
    private final String password = "pw-" + suffix;
    private final String webUser = "bosh-web-" + suffix;
    private final String tcpUser = "bosh-tcp-" + suffix;
    private XMPPBOSHConnection web;
    private XMPPTCPConnection tcp;

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    @BeforeEach
    void accounts() throws Exception {
        admin.createUser(webUser + "@" + RawBosh.DOMAIN, password);
        admin.createUser(tcpUser + "@" + RawBosh.DOMAIN, password);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (web != null && web.isConnected()) {
            web.disconnect();
        }
        if (tcp != null && tcp.isConnected()) {
            tcp.disconnect();
        }
        admin.deleteUser(webUser + "@" + RawBosh.DOMAIN);
        admin.deleteUser(tcpUser + "@" + RawBosh.DOMAIN);
    }

    @Test
    void loginRosterAndChatWithATcpClient() throws Exception {
        web = new XMPPBOSHConnection(BOSHConfiguration.builder()
                .setXmppDomain(RawBosh.DOMAIN)
                .setHost("localhost") // Smack 4.4 writes an IP host as "/127.0.0.1" into the URL
                .setPort(Integer.parseInt(System.getProperty("parley.http.port", "18080")))
                .setFile("/http-bind")
                .setUseHttps(false)
                .setSecurityMode(SecurityMode.disabled)
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .setUsernameAndPassword(webUser, password)
                .setResource("web")
                .build());
        web.setReplyTimeout(TIMEOUT);
        web.connect().login();
        assertTrue(web.isAuthenticated());
        assertEquals(webUser + "@" + RawBosh.DOMAIN + "/web", web.getUser().toString());
        assertTrue(admin.sessions("bosh").contains(web.getUser().toString()));

        Roster roster = Roster.getInstanceFor(web);
        roster.reloadAndWait();
        assertTrue(roster.isLoaded());
        assertTrue(roster.getEntries().isEmpty(), "a new account's roster is empty");

        tcp = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(RawBosh.DOMAIN)
                .setHostAddress(InetAddress.getByName("127.0.0.1"))
                .setPort(Integer.parseInt(System.getProperty("parley.c2s.port", "15222")))
                .setSecurityMode(SecurityMode.disabled)
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .setUsernameAndPassword(tcpUser, password)
                .setResource("desk")
                .build());
        tcp.setReplyTimeout(TIMEOUT);
        tcp.connect().login();

        EntityBareJid webJid = JidCreate.entityBareFrom(webUser + "@" + RawBosh.DOMAIN);
        assertEquals("from tcp", exchange(tcp, web, webJid, "from tcp"));
        assertEquals("from bosh", exchange(web, tcp, tcp.getUser(), "from bosh"));

        String full = web.getUser().toString();
        web.disconnect();
        for (int i = 0; i < 50 && admin.sessions("bosh").contains(full); i++) {
            Thread.sleep(100);
        }
        assertFalse(admin.sessions("bosh").contains(full), "disconnect ends the BOSH session");
    }

    /** Sends a chat message from one connection and returns its body as the other received it. */
    private static String exchange(org.jivesoftware.smack.XMPPConnection from, org.jivesoftware.smack.XMPPConnection to,
                                   Jid address, String body) throws Exception {
        try (StanzaCollector collector = to.createStanzaCollector(
                new AndFilter(StanzaTypeFilter.MESSAGE, FromMatchesFilter.createBare(from.getUser().asBareJid())))) {
            from.sendStanza(StanzaBuilder.buildMessage().to(address).ofType(Message.Type.chat).setBody(body).build());
            Message m = collector.nextResult(TIMEOUT);
            assertNotNull(m, "message '" + body + "' not received");
            return m.getBody();
        }
    }
}
