package org.parley.it.bosh;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.DomainSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * BOSH: a body carrying a stanza over the domain's maxStanzaBytes (below the body and server-wide limits) ends
 * the session with the terminal condition policy-violation (XEP-0124 §17.2); a stanza under it goes through.
 */
class BoshDomainStanzaLimitIT {
    static final int LIMIT = 4096;

    @Test
    void aStanzaOverTheDomainsLimitTerminatesWithPolicyViolation() throws Exception {
        int before = DomainSettings.integer(DomainSettings.get(), "maxStanzaBytes");
        DomainSettings.put("{\"maxStanzaBytes\":" + LIMIT + "}");
        try {
            RawBosh b = new RawBosh();
            String jid = b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, "limit-bosh");
            Element under = b.send("<message xmlns='jabber:client' to='" + jid + "' id='under'><body>"
                    + "x".repeat(LIMIT - 300) + "</body></message>").body();
            assertNotNull(under.element("message"), "a stanza under the limit is delivered: " + under.asXML());
            RawBosh.Reply over = b.send("<message xmlns='jabber:client' to='" + jid + "' id='over'><body>"
                    + "x".repeat(LIMIT + 100) + "</body></message>");
            assertEquals("terminate", over.body().attributeValue("type"), over.text());
            assertEquals("policy-violation", over.body().attributeValue("condition"), over.text());
            assertEquals(404, b.send("").status(), "the session ended");
        } finally {
            DomainSettings.put("{\"maxStanzaBytes\":" + before + "}");
        }
    }
}
