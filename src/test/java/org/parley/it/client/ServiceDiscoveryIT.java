package org.parley.it.client;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.jivesoftware.smackx.time.packet.Time;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.xmpp.core.testing.SimpleCaps;
import org.parley.it.support.TestAccounts.Account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server disco#info (XEP-0030), version (XEP-0092), time (XEP-0202), ping (XEP-0199). */
class ServiceDiscoveryIT extends ClientTestBase {
    /** Features the modules of this release provide on the domain. */
    static final List<String> SERVER_FEATURES = List.of(
            "http://jabber.org/protocol/disco#info",
            "http://jabber.org/protocol/disco#items",
            "jabber:iq:version",
            "urn:xmpp:time",
            "urn:xmpp:ping",
            "vcard-temp",
            "urn:xmpp:blocking",
            "jabber:iq:private",
            "http://jabber.org/protocol/commands",
            "msgoffline");

    @Test
    void theServerListsItsIdentityAndFeatures() throws Exception {
        Account a = accounts.create("disco");
        XMPPTCPConnection c = login(a, "d");
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(domainJid());
        assertTrue(info.getIdentities().stream().anyMatch(i -> "server".equals(i.getCategory())
                        && "im".equals(i.getType())),
                "XEP-0030 §3.1: identity server/im; got " + info.getIdentities());
        Set<String> features = info.getFeatures().stream().map(DiscoverInfo.Feature::getVar)
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("server features: " + features);
        List<String> missing = SERVER_FEATURES.stream().filter(f -> !features.contains(f)).toList();
        assertTrue(missing.isEmpty(), "missing server features " + missing + " in " + features);
        assertEquals(features.size(), info.getFeatures().size(), "no duplicate features (XEP-0030 §3.1)");

        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(c).discoverItems(domainJid());
        assertNotNull(items, "disco#items of the domain answers");
    }

    @Test
    void versionTimeAndPingAnswer() throws Exception {
        Account a = accounts.create("svc");
        XMPPTCPConnection c = login(a, "s");
        Version v = VersionManager.getInstanceFor(c).getVersion(domainJid());
        assertFalse(v.getName() == null || v.getName().isBlank(), "XEP-0092: a name");
        assertFalse(v.getVersion() == null || v.getVersion().isBlank(), "XEP-0092: a version");

        Time t = EntityTimeManager.getInstanceFor(c).getTime(domainJid());
        assertNotNull(t.getUtc(), "XEP-0202: utc");
        assertNotNull(t.getTzo(), "XEP-0202: tzo");
        assertTrue(t.getTzo().matches("[+-]\\d\\d:\\d\\d|Z"), "tzo format: " + t.getTzo());
        Instant serverNow = t.getTime().toInstant();
        assertTrue(Duration.between(serverNow, Instant.now()).abs().toSeconds() < 60,
                "the server's clock is this machine's: " + serverNow);

        PingManager ping = PingManager.getInstanceFor(c);
        assertTrue(ping.ping(domainJid()), "XEP-0199 §4.2: the server answers a ping");
        assertTrue(ping.pingMyServer());
    }

    @Test
    void iqsReachAnotherClientAndBounceForAnOfflineResource() throws Exception {
        Account alice = accounts.create("iqa");
        Account bob = accounts.create("iqb");
        XMPPTCPConnection a = login(alice, "a");
        XMPPTCPConnection b = login(bob, "b");
        // client-to-client: Smack answers pings and version queries itself
        assertTrue(PingManager.getInstanceFor(a).ping(b.getUser()), "an IQ to a full JID is routed to it");
        XMPPErrorException e = assertThrows(XMPPErrorException.class, () -> VersionManager.getInstanceFor(a)
                .getVersion(JidCreate.fullFrom(bob.jid() + "/gone")));
        assertEquals(StanzaError.Condition.service_unavailable, e.getStanzaError().getCondition(),
                "RFC 6121 §8.5.3.2.2: IQ to a resource that is not connected");
        // the server answers IQs to the account's bare JID on the user's behalf (RFC 6121 §8.5.2.1.3)
        DiscoverInfo own = ServiceDiscoveryManager.getInstanceFor(b).discoverInfo(alice.jid());
        assertFalse(own.getIdentities().isEmpty(), "XEP-0030 §3.1: at least one identity");
    }

    /**
     * XEP-0115 §6.3: the stream features carry the server's caps, whose 'ver' is the hash of the disco#info the
     * server answers (hashed here apart from the server's code), and node#ver answers the same (§6.2).
     */
    @Test
    void theStreamFeaturesAdvertiseTheHashOfTheServersDiscoInfo() throws Exception {
        Account a = accounts.create("caps");
        try (RawXmpp x = RawXmpp.connect()) {
            x.loginPlain(a.username(), a.password(), "caps");
            Duration t = Duration.ofMillis(ItConfig.timeoutMillis());
            Element c = x.elements().stream().filter(e -> "features".equals(e.getName())).findFirst()
                    .map(f -> f.element(QName.get("c", "http://jabber.org/protocol/caps")))
                    .orElseThrow(() -> new AssertionError("no stream features: " + x.received()));
            assertNotNull(c, "XEP-0115 <c/> in the stream features: " + x.received());
            assertEquals("sha-1", c.attributeValue("hash"));
            String info = "http://jabber.org/protocol/disco#info";
            x.send("<iq type='get' id='caps1' to='" + ItConfig.domain() + "'><query xmlns='" + info + "'/></iq>");
            Element answer = x.await(e -> "caps1".equals(e.attributeValue("id")), t)
                    .orElseThrow(() -> new AssertionError("no disco#info: " + x.received()));
            assertEquals(SimpleCaps.sha1(answer.element(QName.get("query", info))), c.attributeValue("ver"),
                    "ver is the hash of " + answer.asXML());
            String node = c.attributeValue("node") + "#" + c.attributeValue("ver");
            x.send("<iq type='get' id='caps2' to='" + ItConfig.domain() + "'><query xmlns='" + info
                    + "' node='" + node + "'/></iq>");
            Element byNode = x.await(e -> "caps2".equals(e.attributeValue("id")), t)
                    .orElseThrow(() -> new AssertionError("no disco#info for node#ver: " + x.received()));
            assertEquals("result", byNode.attributeValue("type"), byNode.asXML());
            assertEquals(c.attributeValue("ver"), SimpleCaps.sha1(byNode.element(QName.get("query", info))));
        }
    }
}
