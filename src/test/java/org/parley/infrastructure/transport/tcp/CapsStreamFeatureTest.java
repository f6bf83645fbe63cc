package org.parley.infrastructure.transport.tcp;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.parley.feature.disco.DiscoModule;
import org.parley.feature.version.VersionModule;
import org.parley.xmpp.core.testing.SimpleCaps;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XEP-0115 §6.3 on a real stream with the real disco and version modules: the stream features carry a {@code <c/>}
 * whose 'ver' is the SHA-1 of what disco#info then answers, hashed by {@link SimpleCaps}, apart from the server's code.
 */
class CapsStreamFeatureTest {
    private static final String CAPS_NS = "http://jabber.org/protocol/caps";
    private static final String INFO_NS = "http://jabber.org/protocol/disco#info";

    private static Element caps(String features) throws Exception {
        Element f = DocumentHelper.parseText(features + "</stream:stream>").getRootElement()
                .element("features");
        return f.element(QName.get("c", CAPS_NS));
    }

    @Test
    void theFeaturesAdvertiseTheHashOfTheServersDiscoInfo() throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(null, new DiscoModule(), new VersionModule());
        tcp.send(EmbeddedTcp.HEADER);
        Element before = caps(tcp.take());
        assertNotNull(before, "caps before authentication");
        tcp.send(EmbeddedTcp.AUTH_ALICE);
        tcp.take();
        tcp.send(EmbeddedTcp.HEADER);
        Element c = caps(tcp.take());
        assertNotNull(c, "caps after authentication");
        assertEquals("sha-1", c.attributeValue("hash"));
        assertEquals(before.attributeValue("ver"), c.attributeValue("ver"));
        tcp.send("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
        tcp.take();

        tcp.send("<iq type='get' id='d1' to='example.org'><query xmlns='" + INFO_NS + "'/></iq>");
        Element query = DocumentHelper.parseText(tcp.take()).getRootElement().element(QName.get("query", INFO_NS));
        assertTrue(query.elements("feature").stream().anyMatch(f -> "jabber:iq:version".equals(f.attributeValue("var"))));
        assertEquals(SimpleCaps.sha1(query), c.attributeValue("ver"), "ver is the hash of the disco#info answer");

        String node = c.attributeValue("node") + "#" + c.attributeValue("ver");
        tcp.send("<iq type='get' id='d2' to='example.org'><query xmlns='" + INFO_NS + "' node='" + node + "'/></iq>");
        Element byNode = DocumentHelper.parseText(tcp.take()).getRootElement();
        assertEquals("result", byNode.attributeValue("type"), byNode.asXML());
        assertEquals(c.attributeValue("ver"), SimpleCaps.sha1(byNode.element(QName.get("query", INFO_NS))));
    }
}
