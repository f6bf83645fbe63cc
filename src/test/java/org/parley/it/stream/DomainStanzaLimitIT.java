package org.parley.it.stream;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.DomainSettings;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.StreamParse;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TCP: the domain's maxStanzaBytes (set here through REST, far below the server-wide limit) ends a stream whose
 * stanza is larger with policy-violation (RFC 6120 §4.9.3.14); a stanza under it goes through.
 */
class DomainStanzaLimitIT {
    static final int LIMIT = 4096;
    static final Duration T = Duration.ofMillis(ItConfig.timeoutMillis());

    static String message(String to, String id, int bodyChars) {
        return "<message to='" + to + "' id='" + id + "' type='chat'><body>" + "x".repeat(bodyChars) + "</body></message>";
    }

    @Test
    void aStanzaOverTheDomainsLimitIsAPolicyViolation() throws Exception {
        int before = DomainSettings.integer(DomainSettings.get(), "maxStanzaBytes");
        DomainSettings.put("{\"maxStanzaBytes\":" + LIMIT + "}");
        try (RawXmpp x = RawXmpp.connect()) {
            String jid = x.loginPlain(ItConfig.adminUsername(), ItConfig.adminPassword(), "limit-tcp");
            x.send(message(jid, "under", LIMIT - 300));
            Element back = x.await(e -> "message".equals(e.getName()) && "under".equals(e.attributeValue("id")), T)
                    .orElseThrow(() -> new AssertionError("a stanza under the limit is delivered: " + x.received()));
            assertEquals(LIMIT - 300, back.elementText("body").length());
            x.send(message(jid, "over", LIMIT + 100));
            StreamParse.Result r = x.awaitStreamError(T);
            assertEquals("policy-violation", r.streamError(), x.received());
            assertEquals(RawXmpp.STREAMS_ERROR_NS, r.streamErrorNamespace());
            assertTrue(r.rootClosed(), "the stream is closed after the error: " + x.received());
        } finally {
            DomainSettings.put("{\"maxStanzaBytes\":" + before + "}");
        }
    }
}
