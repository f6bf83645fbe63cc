package org.parley.infrastructure.transport.tcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6120 §6.4.5: a stream gets a configurable number of SASL retries (2 to 5), then it ends. */
class SaslRetryLimitTest {

    private static String auth(String password) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                .encodeToString(("\0alice\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>";
    }

    private static EmbeddedTcp opened(int retries) {
        EmbeddedTcp tcp = new EmbeddedTcp(null);
        tcp.server.saslMaxRetries(retries);
        tcp.send(EmbeddedTcp.HEADER);
        tcp.take();
        return tcp;
    }

    /** Sends {@code n} wrong passwords, each answered with not-authorized on an open stream. */
    private static void fail(EmbeddedTcp tcp, int n) {
        for (int i = 0; i < n; i++) {
            tcp.send(auth("wrong" + i));
            String answer = tcp.take();
            assertTrue(answer.contains("<not-authorized"), answer);
            assertFalse(answer.contains("<stream:error>"), "attempt " + (i + 1) + " may be retried: " + answer);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void theRetriesAreAllowedAndTheRightPasswordThenWorks(int retries) {
        EmbeddedTcp tcp = opened(retries);
        fail(tcp, retries);
        tcp.send(auth("secret"));
        assertTrue(tcp.take().contains("<success"), "a mistyped password costs no reconnect");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void oneFailureMoreEndsTheStream(int retries) {
        EmbeddedTcp tcp = opened(retries);
        fail(tcp, retries);
        tcp.send(auth("wrong-again"));
        String answer = tcp.take();
        int failure = answer.indexOf("<failure");
        int error = answer.indexOf("<stream:error><policy-violation ");
        assertTrue(failure >= 0 && error > failure, "the SASL failure, then policy-violation: " + answer);
        assertTrue(answer.endsWith("</stream:stream>"), answer);
        assertFalse(tcp.channel.isActive(), "the connection is closed");
    }

    @Test
    void abortsCountToo() {
        EmbeddedTcp tcp = opened(2);
        for (int i = 0; i < 2; i++) {
            tcp.send("<abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            assertTrue(tcp.take().contains("<aborted/>"));
        }
        tcp.send("<abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        assertTrue(tcp.take().contains("<policy-violation "));
    }

    @Test
    void theLimitStaysWithinRfcBounds() {
        EmbeddedTcp tcp = new EmbeddedTcp(null);
        assertThrows(IllegalArgumentException.class, () -> tcp.server.saslMaxRetries(1));
        assertThrows(IllegalArgumentException.class, () -> tcp.server.saslMaxRetries(6));
    }
}
