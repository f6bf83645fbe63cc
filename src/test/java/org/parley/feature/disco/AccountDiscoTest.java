package org.parley.feature.disco;

import org.parley.xmpp.core.DiscoRegistry;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.feature.sessionfakes.FakeSessions;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountDiscoTest {
    private final DiscoRegistry disco = new DiscoRegistry();
    private final FakeSessions sessions = new FakeSessions();
    private final AccountDisco account = new AccountDisco(disco, jid -> !jid.getNode().equals("ghost"), sessions);

    private static IQ get(String ns, String from, String to) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom(from);
        if (to != null) {
            iq.setTo(to);
        }
        iq.setChildElement("query", ns);
        return iq;
    }

    @Test
    void infoOfAnExistingAccount() {
        disco.accountFeature("vcard-temp");
        Element q = account.info(get(DiscoXml.INFO, "romeo@montague.net/x", "juliet@capulet.com")).getChildElement();
        assertEquals("account", q.element("identity").attributeValue("category"));
        assertEquals("registered", q.element("identity").attributeValue("type"));
        assertEquals(List.of(DiscoXml.INFO, DiscoXml.ITEMS, "vcard-temp"),
                q.elements("feature").stream().map(e -> e.attributeValue("var")).toList());
    }

    @Test
    void unknownAccountIsServiceUnavailable() {
        assertEquals(PacketError.Condition.service_unavailable,
                account.info(get(DiscoXml.INFO, "romeo@montague.net/x", "ghost@capulet.com")).getError().getCondition());
        assertEquals(PacketError.Condition.service_unavailable,
                account.items(get(DiscoXml.ITEMS, "romeo@montague.net/x", "ghost@capulet.com")).getError().getCondition());
    }

    @Test
    void itemsAreTheAvailableResourcesForTheUserOnly() {
        sessions.add("juliet@capulet.com/balcony").available();
        sessions.add("juliet@capulet.com/chamber"); // bound, no presence yet
        Element own = account.items(get(DiscoXml.ITEMS, "juliet@capulet.com/balcony", null)).getChildElement();
        assertEquals(List.of("juliet@capulet.com/balcony"),
                own.elements("item").stream().map(e -> e.attributeValue("jid")).toList());
        Element other = account.items(get(DiscoXml.ITEMS, "romeo@montague.net/x", "juliet@capulet.com")).getChildElement();
        assertEquals(0, other.elements().size());
    }

    @Test
    void nodesOfAccountsAreNotFound() {
        IQ iq = get(DiscoXml.INFO, "juliet@capulet.com/balcony", null);
        iq.getChildElement().addAttribute("node", "x");
        assertEquals(PacketError.Condition.item_not_found, account.info(iq).getError().getCondition());
    }
}
