package org.parley.feature.disco;

import org.parley.xmpp.core.DiscoRegistry;
import org.parley.xmpp.spi.HostSettings;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServerDiscoTest {
    private static final String ADD_USER = "http://jabber.org/protocol/admin#add-user";
    private final DiscoRegistry disco = new DiscoRegistry();
    private final ServerDisco server = new ServerDisco(disco);

    @BeforeEach
    void modulesRegister() {
        disco.serverFeature("urn:xmpp:ping");
        disco.serverFeature("jabber:iq:version");
        disco.serverFeature("urn:xmpp:ping"); // twice: listed once
        disco.serverIdentity("pubsub", "pep", null);
        disco.serverItem("conference.capulet.com", "Chatrooms");
        disco.nodeItems(ServerDisco.COMMANDS, q -> {
            if (!q.requester().toBareJID().equals("admin@capulet.com")) {
                return List.of();
            }
            Element item = DocumentHelper.createElement("item");
            item.addAttribute("jid", q.target().toString()).addAttribute("node", ADD_USER).addAttribute("name", "Add a user");
            return List.of(item);
        });
    }

    private static IQ get(String ns, String node, String from) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom(from);
        iq.setTo("capulet.com");
        Element q = iq.setChildElement("query", ns);
        if (node != null) {
            q.addAttribute("node", node);
        }
        return iq;
    }

    private static List<String> attrs(Element query, String child, String attr) {
        return query.elements(child).stream().map(e -> e.attributeValue(attr)).toList();
    }

    @Test
    void infoCarriesTheFormsOfTheDomainAsked() {
        disco.serverForm(domain -> ServerInfoForm.of(HostSettings.defaults(domain)
                .with(ContactSettings.ABUSE, List.of("mailto:abuse@" + domain))));
        Element q = server.info(get(DiscoXml.INFO, null, "juliet@capulet.com/balcony")).getChildElement();
        Element x = q.element(org.dom4j.QName.get("x", "jabber:x:data"));
        assertEquals("mailto:abuse@capulet.com", x.asXML().replaceAll(".*<value>(mailto:[^<]*)</value>.*", "$1"));
        IQ nodeInfo = server.info(get(DiscoXml.INFO, ServerDisco.COMMANDS, "admin@capulet.com/x"));
        assertEquals(null, nodeInfo.getChildElement().element("x"), "forms belong to the domain's own info only");
    }

    @Test
    void infoListsParleyAndRegisteredIdentitiesAndSortedFeatures() {
        IQ result = server.info(get(DiscoXml.INFO, null, "juliet@capulet.com/balcony"));
        Element q = result.getChildElement();
        assertEquals(DiscoXml.INFO, q.getNamespaceURI());
        assertEquals(List.of("server", "pubsub"), attrs(q, "identity", "category"));
        assertEquals("Parley", q.element("identity").attributeValue("name"));
        assertEquals("im", q.element("identity").attributeValue("type"));
        assertEquals(List.of(DiscoXml.INFO, DiscoXml.ITEMS, "jabber:iq:version", "urn:xmpp:ping"),
                attrs(q, "feature", "var"));
    }

    @Test
    void itemsListRegisteredItems() {
        Element q = server.items(get(DiscoXml.ITEMS, null, "juliet@capulet.com/balcony")).getChildElement();
        assertEquals(List.of("conference.capulet.com"), attrs(q, "item", "jid"));
        assertEquals(List.of("Chatrooms"), attrs(q, "item", "name"));
    }

    @Test
    void nodeItemsComeFromTheModuleInTheDiscoNamespace() {
        Element q = server.items(get(DiscoXml.ITEMS, ServerDisco.COMMANDS, "admin@capulet.com/x")).getChildElement();
        assertEquals(ServerDisco.COMMANDS, q.attributeValue("node"));
        Element item = q.element("item");
        assertEquals(DiscoXml.ITEMS, item.getNamespaceURI());
        assertEquals(ADD_USER, item.attributeValue("node"));
        assertEquals("capulet.com", item.attributeValue("jid"));
        assertEquals(0, server.items(get(DiscoXml.ITEMS, ServerDisco.COMMANDS, "juliet@capulet.com/x"))
                .getChildElement().elements().size());
    }

    @Test
    void unknownNodeIsItemNotFound() {
        assertEquals(PacketError.Condition.item_not_found,
                server.items(get(DiscoXml.ITEMS, "nope", "juliet@capulet.com/x")).getError().getCondition());
        assertEquals(PacketError.Condition.item_not_found,
                server.info(get(DiscoXml.INFO, "nope", "juliet@capulet.com/x")).getError().getCondition());
    }

    @Test
    void infoOfTheCommandListAndOfACommand() {
        Element list = server.info(get(DiscoXml.INFO, ServerDisco.COMMANDS, "admin@capulet.com/x")).getChildElement();
        assertEquals("command-list", list.element("identity").attributeValue("type"));
        Element cmd = server.info(get(DiscoXml.INFO, ADD_USER, "admin@capulet.com/x")).getChildElement();
        assertEquals(ADD_USER, cmd.attributeValue("node"));
        assertEquals("command-node", cmd.element("identity").attributeValue("type"));
        assertEquals(List.of(ServerDisco.COMMANDS, DiscoXml.INFO, "jabber:x:data"), attrs(cmd, "feature", "var"));
        // a command the requester may not see does not exist for them
        assertEquals(PacketError.Condition.item_not_found,
                server.info(get(DiscoXml.INFO, ADD_USER, "juliet@capulet.com/x")).getError().getCondition());
    }

    @Test
    void withoutToTheSendersDomainIsTheTarget() {
        IQ iq = get(DiscoXml.ITEMS, ServerDisco.COMMANDS, "admin@capulet.com/x");
        iq.setTo((org.xmpp.packet.JID) null);
        Element q = server.items(iq).getChildElement();
        assertEquals("capulet.com", q.element("item").attributeValue("jid"));
    }

    @Test
    void setIsBadRequest() {
        IQ set = get(DiscoXml.INFO, null, "juliet@capulet.com/x");
        set.setType(IQ.Type.set);
        assertEquals(PacketError.Condition.bad_request, server.info(set).getError().getCondition());
        assertNull(server.info(get(DiscoXml.INFO, null, "juliet@capulet.com/x")).getError());
    }
}
