package org.parley.feature.disco;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.spi.HostSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** XEP-0157: the serverinfo form from a domain's contact settings. */
class ServerInfoFormTest {

    @Test
    void noAddressesNoForm() {
        assertNull(ServerInfoForm.of(HostSettings.defaults("example.org")));
    }

    @Test
    void aResultFormWithTheHiddenFormTypeAndOneListPerKindGiven() {
        HostSettings s = HostSettings.defaults("example.org")
                .with(ContactSettings.ABUSE, List.of("mailto:abuse@example.org", "xmpp:abuse@example.org"))
                .with(ContactSettings.SUPPORT, List.of("https://example.org/help"));
        Element x = ServerInfoForm.of(s);
        assertEquals("jabber:x:data", x.getNamespaceURI());
        assertEquals("result", x.attributeValue("type"));
        List<Element> fields = x.elements("field");
        assertEquals(List.of("FORM_TYPE", "abuse-addresses", "support-addresses"),
                fields.stream().map(f -> f.attributeValue("var")).toList());
        assertEquals("hidden", fields.get(0).attributeValue("type"));
        assertEquals("http://jabber.org/network/serverinfo", fields.get(0).elementText("value"));
        assertEquals(List.of("mailto:abuse@example.org", "xmpp:abuse@example.org"),
                fields.get(1).elements("value").stream().map(Element::getText).toList());
        assertEquals("list-multi", fields.get(1).attributeValue("type"));
        assertEquals(List.of("https://example.org/help"),
                fields.get(2).elements("value").stream().map(Element::getText).toList());
    }

    @Test
    void everyXep0157FieldHasItsSetting() {
        assertEquals(List.of("abuse-addresses", "admin-addresses", "feedback-addresses", "sales-addresses",
                        "security-addresses", "status-addresses", "support-addresses"),
                ContactSettings.ALL.stream().map(ContactSettings::formVar).toList());
    }
}
