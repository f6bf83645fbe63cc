package org.parley.it.client;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.DomainSettings;
import org.parley.it.support.ItConfig;
import org.parley.it.support.TestAccounts.Account;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XEP-0157: contact addresses set through REST appear in the domain's disco#info as the serverinfo form, as a
 * real client (Smack) reads it, and disappear when cleared.
 */
class ContactAddressesIT extends ClientTestBase {
    static final String SERVERINFO = "http://jabber.org/network/serverinfo";

    @Test
    void contactAddressesArePublishedInDiscoInfo() throws Exception {
        String domain = ItConfig.domain();
        String abuse = "mailto:abuse@" + domain;
        String abuseXmpp = "xmpp:abuse@" + domain;
        String support = "https://" + domain + "/support";
        try {
            String json = DomainSettings.put("{\"abuseAddresses\":[\"" + abuse + "\",\"" + abuseXmpp
                    + "\"],\"supportAddresses\":[\"" + support + "\"]}");
            assertTrue(json.contains("\"abuseAddresses\":[\"" + abuse + "\",\"" + abuseXmpp + "\"]"), json);
            assertTrue(DomainSettings.get().contains("\"supportAddresses\":[\"" + support + "\"]"), "stored");

            Account a = accounts.create("contacts");
            XMPPTCPConnection c = login(a, "c");
            DataForm form = serverInfo(ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(domainJid()));
            assertNotNull(form, "the serverinfo form is in disco#info");
            assertEquals(DataForm.Type.result, form.getType());
            assertEquals(FormField.Type.hidden, form.getField("FORM_TYPE").getType());
            assertEquals(List.of(abuse, abuseXmpp), form.getField("abuse-addresses").getValuesAsString());
            assertEquals(List.of(support), form.getField("support-addresses").getValuesAsString());
            assertNull(form.getField("sales-addresses"), "kinds without addresses are left out");

            DomainSettings.put("{\"abuseAddresses\":[],\"supportAddresses\":null}");
            // Smack answers disco#info from its XEP-0115 cache, keyed by the caps the server announced in this
            // stream's features: the change shows in the next stream, whose features carry the new hash.
            XMPPTCPConnection next = login(a, "c2");
            assertNull(serverInfo(ServiceDiscoveryManager.getInstanceFor(next).discoverInfo(domainJid())),
                    "no addresses, no form");
        } finally {
            DomainSettings.put("{\"abuseAddresses\":[],\"supportAddresses\":[]}");
        }
    }

    private static DataForm serverInfo(DiscoverInfo info) {
        return info.getExtensions(DataForm.class).stream().filter(f -> SERVERINFO.equals(f.getFormType()))
                .findFirst().orElse(null);
    }
}
