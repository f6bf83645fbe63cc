package org.parley.it.client;

import org.dom4j.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.ScramClient;
import org.parley.it.support.TestAccounts.Account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SCRAM-SHA-256 and SCRAM-SHA-1 spoken by the test itself (Smack 4.4 lacks SCRAM-SHA-256) over direct TLS:
 * the server's final message proves it holds the password's keys (RFC 5802 §5), and a wrong proof is
 * answered with not-authorized (RFC 6120 §6.5.10).
 */
class ScramIT extends ClientTestBase {
    private static final Duration T = Duration.ofMillis(ItConfig.timeoutMillis());
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

    /** Runs the exchange; returns the server's last element (success or failure). */
    private static Element authenticate(RawXmpp x, String mechanism, String user, String password,
                                        ScramClient[] client) throws Exception {
        x.send(RawXmpp.header(ItConfig.domain()));
        x.awaitFeatures(T);
        ScramClient scram = new ScramClient(mechanism, user, password);
        client[0] = scram;
        x.send("<auth xmlns='" + SASL + "' mechanism='" + mechanism + "'>" + b64(scram.clientFirst()) + "</auth>");
        Element challenge = x.await(e -> "challenge".equals(e.getName()) || "failure".equals(e.getName()), T)
                .orElseThrow(() -> new AssertionError("no SCRAM challenge: " + x.received()));
        if ("failure".equals(challenge.getName())) {
            return challenge;
        }
        byte[] serverFirst = Base64.getDecoder().decode(challenge.getTextTrim());
        x.send("<response xmlns='" + SASL + "'>" + b64(scram.clientFinal(serverFirst)) + "</response>");
        return x.await(e -> "success".equals(e.getName()) || "failure".equals(e.getName()), T)
                .orElseThrow(() -> new AssertionError("no SCRAM outcome: " + x.received()));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-1"})
    void scramSucceedsAndTheServerProvesItself(String mechanism) throws Exception {
        Account a = accounts.create("scram");
        try (RawXmpp x = RawXmpp.connectDirectTls()) {
            ScramClient[] scram = new ScramClient[1];
            Element outcome = authenticate(x, mechanism, a.username(), a.password(), scram);
            assertEquals("success", outcome.getName(), x.received());
            String additional = outcome.getTextTrim();
            assertNotNull(additional, "RFC 6120 §6.3.10: the server-final-message comes with <success/>");
            assertTrue(scram[0].verifyServerFinal(Base64.getDecoder().decode(additional)),
                    "the server signature verifies: " + new String(Base64.getDecoder().decode(additional),
                            StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-1"})
    void aWrongPasswordIsNotAuthorized(String mechanism) throws Exception {
        Account a = accounts.create("scrambad");
        try (RawXmpp x = RawXmpp.connectDirectTls()) {
            Element outcome = authenticate(x, mechanism, a.username(), a.password() + "x", new ScramClient[1]);
            assertEquals("failure", outcome.getName(), x.received());
            assertTrue(outcome.elements().stream().anyMatch(c -> "not-authorized".equals(c.getName())),
                    "RFC 6120 §6.5.10: " + outcome.asXML());
            assertTrue(!x.isClosedByServer(), "a SASL failure does not end the stream (RFC 6120 §6.4.5)");
        }
    }
}
