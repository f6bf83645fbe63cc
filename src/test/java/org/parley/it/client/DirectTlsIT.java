package org.parley.it.client;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.ServerTrust;
import org.parley.it.support.StreamParse;
import org.parley.it.support.TestAccounts.Account;

import javax.net.ssl.SSLSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct TLS c2s (XEP-0368): TLS from the first byte, then a normal stream without STARTTLS. */
class DirectTlsIT extends ClientTestBase {
    private static final Duration T = Duration.ofMillis(ItConfig.timeoutMillis());

    @Test
    void aStreamOverDirectTlsOffersAuthenticationButNoStartTls() throws Exception {
        try (RawXmpp tls = RawXmpp.connectDirectTls()) {
            SSLSocket s = (SSLSocket) tls.socket();
            assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(s.getSession().getProtocol()),
                    "modern TLS: " + s.getSession().getProtocol());
            X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
            assertEquals(ServerTrust.certificate(), cert, "the same certificate as on STARTTLS");
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            assertNotNull(sans);
            assertTrue(sans.stream().anyMatch(l -> ItConfig.domain().equals(l.get(1))),
                    "the certificate names the domain (RFC 6125): " + sans);

            tls.send(RawXmpp.header(ItConfig.domain()));
            Element features = tls.awaitFeatures(T);
            StreamParse.Result r = StreamParse.parse(tls.received());
            assertEquals("stream", r.rootName());
            assertEquals(RawXmpp.STREAM_NS, r.rootNamespace());
            assertEquals(ItConfig.domain(), r.rootAttributes().get("from"));
            assertEquals("1.0", r.rootAttributes().get("version"));
            assertNotNull(r.rootAttributes().get("id"), "RFC 6120 §4.7.3: a stream id");
            assertNull(features.element("starttls"), "no STARTTLS on an already encrypted stream: " + features.asXML());
            Element mechs = features.elements().stream().filter(e -> "mechanisms".equals(e.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("no SASL mechanisms: " + features.asXML()));
            List<String> names = mechs.elements().stream().map(Element::getTextTrim).toList();
            assertTrue(names.contains("SCRAM-SHA-1") && names.contains("SCRAM-SHA-256"), "SCRAM offered: " + names);
            assertTrue(!names.contains("GSSAPI"), "no GSSAPI: " + names);
        }
    }

    @Test
    void aUserLogsInAndBindsOverDirectTls() throws Exception {
        Account a = accounts.create("dtls");
        try (RawXmpp tls = RawXmpp.connectDirectTls()) {
            String jid = tls.loginPlain(a.username(), a.password(), "direct");
            assertEquals(a.jid() + "/direct", jid);
            tls.send("<iq type='get' id='ping1' to='" + ItConfig.domain() + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element pong = tls.await(e -> "ping1".equals(e.attributeValue("id")), T)
                    .orElseThrow(() -> new AssertionError("no ping result: " + tls.received()));
            assertEquals("result", pong.attributeValue("type"));
        }
    }
}
