package org.parley.feature.disco;

import org.parley.xmpp.core.DiscoRegistry;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.spi.ModuleContext.StreamState;
import org.xmpp.packet.IQ;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The server's {@code <c/>} stream feature: the hash of what disco#info answers, kept until a module adds something. */
class ServerCapsTest {
    private final DiscoRegistry disco = new DiscoRegistry();
    private final ServerDisco server = new ServerDisco(disco);

    private IQ info(String node) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom("juliet@capulet.com/balcony");
        iq.setTo("capulet.com");
        Element q = iq.setChildElement("query", DiscoXml.INFO);
        if (node != null) {
            q.addAttribute("node", node);
        }
        return server.info(iq);
    }

    @Test
    void theAdvertisedVerIsTheHashOfTheDiscoInfoAnswer() {
        disco.serverFeature("urn:xmpp:ping");
        disco.serverIdentity("pubsub", "pep", null);
        Element c = server.caps().feature(StreamState.AFTER_AUTH, "capulet.com");
        assertEquals(EntityCaps.NS, c.getNamespaceURI());
        assertEquals("c", c.getName());
        assertEquals("sha-1", c.attributeValue("hash"));
        assertEquals(ServerCaps.NODE, c.attributeValue("node"));
        assertEquals(EntityCaps.ver(info(null).getChildElement()), c.attributeValue("ver"));
    }

    @Test
    void aFeatureAddedLaterChangesTheVer() {
        disco.serverFeature("urn:xmpp:ping");
        String before = server.caps().ver("capulet.com");
        disco.serverFeature("urn:xmpp:blocking");
        String after = server.caps().ver("capulet.com");
        assertNotEquals(before, after);
        assertEquals(EntityCaps.ver(info(null).getChildElement()), after);
    }

    @Test
    void theHashIsComputedOnlyWhenTheRegistryChanged() {
        AtomicInteger built = new AtomicInteger();
        ServerCaps caps = new ServerCaps(disco, domain -> {
            built.incrementAndGet();
            return server.serverInfo(domain);
        });
        caps.ver("capulet.com");
        caps.ver("capulet.com");
        caps.feature(StreamState.BEFORE_AUTH, "capulet.com");
        assertEquals(1, built.get());
        disco.serverFeature("urn:xmpp:ping");
        caps.ver("capulet.com");
        assertEquals(2, built.get());
    }

    /** A domain's form (XEP-0157 addresses, a host setting) changes without the registry: the ver follows it. */
    @Test
    void aChangedFormOfTheDomainChangesTheVer() {
        java.util.concurrent.atomic.AtomicReference<String> abuse = new java.util.concurrent.atomic.AtomicReference<>();
        disco.serverForm(domain -> abuse.get() == null ? null : serverInfoForm(abuse.get()));
        String before = server.caps().ver("capulet.com");
        abuse.set("mailto:abuse@capulet.com");
        String after = server.caps().ver("capulet.com");
        assertNotEquals(before, after);
        assertEquals(EntityCaps.ver(info(null).getChildElement()), after);
    }

    private static Element serverInfoForm(String address) {
        Element x = org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get("x", "jabber:x:data"));
        x.addAttribute("type", "result");
        Element type = x.addElement("field").addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden");
        type.addElement("value").setText("http://jabber.org/network/serverinfo");
        x.addElement("field").addAttribute("var", "abuse-addresses").addElement("value").setText(address);
        return x;
    }

    /** XEP-0115 §6.2: disco#info to node#ver answers the same identities and features, with that node. */
    @Test
    void theCapsNodeAnswersTheServerInfo() {
        disco.serverFeature("urn:xmpp:ping");
        String node = ServerCaps.NODE + "#" + server.caps().ver("capulet.com");
        Element q = info(node).getChildElement();
        assertNull(info(node).getError());
        assertEquals(node, q.attributeValue("node"));
        assertEquals(server.caps().ver("capulet.com"), EntityCaps.ver(q));
        assertEquals("item-not-found", info(ServerCaps.NODE + "#stale").getError().getCondition().toXMPP());
    }
}
