package org.parley.it.services;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.HostService;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.spi.HostSettings;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-domain TLS policy (disabled / optional / required) as a client sees it on the c2s port, changed
 * through the host service at run time (no restart).
 */
@ExtendWith(ArquillianExtension.class)
class TlsPolicyArqIT {

    @Deployment
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-tls-it.war")
                .addClass(TlsPolicyArqIT.class);
    }

    @EJB(lookup = "java:global/parley/HostService!org.parley.application.HostService")
    HostService hosts;

    @Test
    void requiredOptionalAndDisabledTlsAreWhatTheStreamOffers() throws Exception {
        String domain = "tls" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        hosts.add(domain);
        try {
            set(domain, HostSettings.TlsMode.REQUIRED);
            String required = features(domain);
            assertTrue(required.contains("<required/>") && required.contains("starttls"), required);
            assertFalse(required.contains("mechanisms"), "no SASL before STARTTLS: " + required);
            String refused = afterFeatures(domain,
                    "<iq type='get' id='r1'><query xmlns='jabber:iq:register'/></iq>");
            assertTrue(refused.contains("policy-violation"), "registration before TLS: " + refused);

            set(domain, HostSettings.TlsMode.OPTIONAL);
            String optional = features(domain);
            assertTrue(optional.contains("starttls") && !optional.contains("<required/>"), optional);
            assertTrue(optional.contains("mechanisms"), optional);

            set(domain, HostSettings.TlsMode.DISABLED);
            String disabled = features(domain);
            assertFalse(disabled.contains("starttls"), disabled);
            String noTls = afterFeatures(domain, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            assertTrue(noTls.contains("<failure") && noTls.contains("xmpp-tls"), noTls);
        } finally {
            hosts.remove(domain);
        }
    }

    private void set(String domain, HostSettings.TlsMode mode) {
        hosts.update(hosts.get(domain).with(StreamSettings.TLS_MODE, mode));
    }

    private static String features(String domain) throws Exception {
        try (Socket s = open(domain)) {
            return read(s.getInputStream(), "</stream:features>");
        }
    }

    private static String afterFeatures(String domain, String xml) throws Exception {
        try (Socket s = open(domain)) {
            read(s.getInputStream(), "</stream:features>");
            s.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
            return read(s.getInputStream(), "</stream:stream>");
        }
    }

    private static Socket open(String domain) throws Exception {
        Socket s = new Socket(System.getProperty("parley.bind.address", "127.0.0.1"),
                Integer.getInteger("parley.c2s.port", 5222));
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(("<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>").getBytes(StandardCharsets.UTF_8));
        return s;
    }

    private static String read(InputStream in, String until) throws Exception {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        while (sb.indexOf(until) < 0) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
