package org.parley.it.stream;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STARTTLS command injection (CVE-2011-0411 class) over a real socket: stanzas a client pipelines after
 * {@code <starttls/>} in the same TCP write are never processed, and the TLS handshake then works.
 */
class StartTlsIT {
    private static final Duration T = Duration.ofMillis(ItConfig.timeoutMillis());
    private static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";

    @Test
    void plaintextPipelinedAfterStartTlsIsNeverProcessed() throws Exception {
        try (TestAccounts accounts = TestAccounts.open(); RawXmpp plain = RawXmpp.connect()) {
            TestAccounts.Account user = accounts.create("pipeliner");
            String auth = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                    .encodeToString(("\0" + user.username() + "\0" + user.password()).getBytes(StandardCharsets.UTF_8))
                    + "</auth>";
            plain.send(RawXmpp.header(ItConfig.domain()));
            assertNotNull(plain.awaitFeatures(T).element(org.dom4j.QName.get("starttls", TLS_NS)), plain.received());
            // one write: STARTTLS, then a login and an IQ that must stay unread
            plain.send("<starttls xmlns='" + TLS_NS + "'/>" + auth
                    + "<iq type='get' id='injected' to='" + ItConfig.domain() + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            plain.await(e -> "proceed".equals(e.getName()), T)
                    .orElseThrow(() -> new AssertionError("no <proceed/>: " + plain.received()));
            plain.readUntil(s -> false, Duration.ofMillis(300));
            assertFalse(plain.received().contains("success"), "the pipelined auth was not processed: " + plain.received());
            assertFalse(plain.received().contains("injected"), "the pipelined IQ was not answered: " + plain.received());
            assertFalse(plain.received().contains("stream:error"), plain.received());

            RawXmpp tls = plain.startTls();
            tls.send(RawXmpp.header(ItConfig.domain()));
            Element features = tls.awaitFeatures(T);
            assertNotNull(features.element(org.dom4j.QName.get("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl")),
                    "over TLS the stream starts unauthenticated: " + tls.received());
            assertNull(features.element(org.dom4j.QName.get("starttls", TLS_NS)), "no STARTTLS twice");
            tls.send(auth);
            tls.await(e -> "success".equals(e.getName()) || "failure".equals(e.getName()), T)
                    .filter(e -> "success".equals(e.getName()))
                    .orElseThrow(() -> new AssertionError("login over TLS: " + tls.received()));
            assertTrue(tls.socket().isConnected());
        }
    }
}
