package org.parley.it.websocket;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.DomainSettings;
import org.parley.it.support.ItConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** WebSocket: the domain's maxStanzaBytes, far below the server-wide limit, ends the stream with policy-violation. */
class WebSocketDomainStanzaLimitIT {
    static final int LIMIT = 4096;

    @Test
    void aStanzaOverTheDomainsLimitIsAPolicyViolation() throws Exception {
        int before = DomainSettings.integer(DomainSettings.get(), "maxStanzaBytes");
        DomainSettings.put("{\"maxStanzaBytes\":" + LIMIT + "}");
        try (WsXmppClient c = WsXmppClient.connect()) {
            String jid = c.login(ItConfig.adminUsername(), ItConfig.adminPassword(), "limit-ws");
            c.send("<message xmlns='jabber:client' to='" + jid + "' id='under'><body>" + "x".repeat(LIMIT - 300)
                    + "</body></message>");
            Element back = c.next(e -> "message".equals(e.getName()));
            assertEquals("under", back.attributeValue("id"), "a stanza under the limit is delivered");
            c.send("<message xmlns='jabber:client' to='" + jid + "' id='over'><body>" + "x".repeat(LIMIT + 100)
                    + "</body></message>");
            c.expectStreamError("policy-violation");
        } finally {
            DomainSettings.put("{\"maxStanzaBytes\":" + before + "}");
        }
    }
}
