package org.parley.it.services;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.AccountService;
import org.parley.application.HostService;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-initiated pings of idle sessions (XEP-0199 §4.2) over a real socket. The test server pings sessions
 * of {@code pingtest.localhost} after 2 s of silence and waits 3 s for an answer (pom.xml, parley.it.ping.domain);
 * an answered ping keeps the session, an unanswered one ends it with {@code connection-timeout}.
 */
@ExtendWith(ArquillianExtension.class)
class IdlePingArqIT {
    private static final String DOMAIN = "pingtest.localhost";
    private static final Pattern PING = Pattern.compile(
            "<iq[^>]*?\\bid=['\"]([^'\"]+)['\"][^>]*>\\s*<ping xmlns=['\"]urn:xmpp:ping['\"]");

    @Deployment
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-ping-it.war").addClass(IdlePingArqIT.class);
    }

    @EJB(lookup = "java:global/parley/HostService!org.parley.application.HostService")
    HostService hosts;

    @EJB(lookup = "java:global/parley/AccountService!org.parley.application.AccountService")
    AccountService accounts;

    @Test
    void idleSessionIsPingedAndEndsWhenItStopsAnswering() throws Exception {
        boolean created = hosts.list().stream().noneMatch(h -> h.domain().equals(DOMAIN));
        if (created) {
            hosts.add(DOMAIN);
        }
        String user = "idle" + UUID.randomUUID().toString().substring(0, 8);
        accounts.register(user + "@" + DOMAIN, "idle-secret-1", false);
        try (Socket s = login(user, "idle-secret-1")) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int round = 0; round < 2; round++) {
                String ping = readUntil(in, PING, 8_000);
                Matcher m = PING.matcher(ping);
                assertTrue(m.find(), "ping " + round + " expected, got: " + ping);
                assertTrue(ping.contains("from='" + DOMAIN + "'") || ping.contains("from=\"" + DOMAIN + "\""), ping);
                send(out, "<iq type='result' to='" + DOMAIN + "' id='" + m.group(1) + "'/>");
            }
            // Answered twice, so still connected; now stay silent: ping, then connection-timeout 3 s later.
            String end = readUntil(in, Pattern.compile("</stream:stream>"), 12_000);
            assertTrue(PING.matcher(end).find(), "a third ping before the timeout: " + end);
            assertTrue(end.contains("<connection-timeout"), "stream error connection-timeout: " + end);
            assertEquals(-1, readOrTimeout(in), "the server closed the connection");
        } finally {
            accounts.unregister(user + "@" + DOMAIN);
            if (created) {
                hosts.remove(DOMAIN);
            }
        }
    }

    private static Socket login(String user, String password) throws Exception {
        Socket s = new Socket(System.getProperty("parley.bind.address", "127.0.0.1"),
                Integer.getInteger("parley.c2s.port", 5222));
        s.setSoTimeout(500);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        Pattern features = Pattern.compile("</stream:features>");
        send(out, header());
        readUntil(in, features, 10_000);
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        send(out, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>");
        assertTrue(readUntil(in, Pattern.compile("<success|<failure"), 10_000).contains("<success"));
        send(out, header());
        readUntil(in, features, 10_000);
        send(out, "<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
        String bound = readUntil(in, Pattern.compile("</iq>"), 10_000);
        assertTrue(Pattern.compile("type=['\"]result['\"]").matcher(bound).find(), "bound: " + bound);
        send(out, "<presence/>");
        return s;
    }

    private static String header() {
        return "<?xml version='1.0'?><stream:stream to='" + DOMAIN + "' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    }

    private static void send(OutputStream out, String xml) throws Exception {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads until the pattern occurs in what was read, the stream ends, or the time is up. */
    private static String readUntil(InputStream in, Pattern until, long millis) throws Exception {
        StringBuilder sb = new StringBuilder();
        long deadline = System.currentTimeMillis() + millis;
        byte[] buf = new byte[4096];
        while (!until.matcher(sb).find() && System.currentTimeMillis() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException quiet) {
                // nothing yet: look at the clock again
            }
        }
        return sb.toString();
    }

    private static int readOrTimeout(InputStream in) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                return in.read();
            } catch (SocketTimeoutException quiet) {
                // keep waiting for the close
            }
        }
        return -2;
    }
}
