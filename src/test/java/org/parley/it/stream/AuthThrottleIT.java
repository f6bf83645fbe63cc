package org.parley.it.stream;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.StreamParse;
import org.parley.it.support.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed-login throttling per account and address: after the configured number of wrong passwords
 * (parley.auth.max.failures.account, 10) even the right one gets temporary-auth-failure for the window at that
 * address; another account from the same address, and the same account from another address, are not affected.
 * One stream gets parley.sasl.max.retries (3) retries, then ends (RFC 6120 §6.4.5).
 */
class AuthThrottleIT {

    @Test
    void anAccountIsLockedAfterRepeatedFailures() throws Exception {
        try (TestAccounts accounts = TestAccounts.open()) {
            TestAccounts.Account victim = accounts.create("throttled");
            TestAccounts.Account bystander = accounts.create("bystander");
            for (int i = 0; i < 10; i++) {
                assertEquals("not-authorized", attempt(victim.username(), "wrong-" + i));
            }
            assertEquals("temporary-auth-failure", attempt(victim.username(), victim.password()));
            assertEquals("success", attempt(bystander.username(), bystander.password()));
        }
    }

    /** Wrong passwords from one address must not lock the owner out when she logs in from another. */
    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutAtAnother() throws Exception {
        try (TestAccounts accounts = TestAccounts.open()) {
            TestAccounts.Account owner = accounts.create("lockout-target");
            for (int i = 0; i < 10; i++) {
                assertEquals("not-authorized", attempt(owner.username(), "guess-" + i, "127.0.0.1"));
            }
            assertEquals("temporary-auth-failure", attempt(owner.username(), owner.password(), "127.0.0.1"),
                    "the guessing address is locked for this account");
            assertEquals("success", attempt(owner.username(), owner.password(), "127.0.0.2"),
                    "the owner at another address logs in");
        }
    }

    /** RFC 6120 §6.4.5: three retries on one stream (parley.sasl.max.retries), the fourth failure ends it. */
    @Test
    void oneStreamGetsAFewRetriesThenEnds() throws Exception {
        try (TestAccounts accounts = TestAccounts.open(); RawXmpp x = RawXmpp.connect()) {
            TestAccounts.Account user = accounts.create("retrier");
            Duration t = Duration.ofMillis(ItConfig.timeoutMillis());
            x.send(RawXmpp.header(ItConfig.domain()));
            x.awaitFeatures(t);
            for (int i = 1; i <= 4; i++) {
                x.send(plainAuth(user.username(), "wrong-" + i));
                int expected = i;
                x.readUntil(s -> failures(s) == expected, t);
                assertEquals(i, failures(x.received()), x.received());
            }
            StreamParse.Result r = x.awaitStreamError(t);
            assertEquals("policy-violation", r.streamError(), x.received());
            assertEquals(4, r.elements().stream().filter(e -> "failure".equals(e.getName())).count(),
                    "the error follows the fourth SASL failure: " + x.received());
            assertTrue(x.readToEnd(Duration.ofSeconds(5)), "the server closes the connection");
        }
        try (TestAccounts accounts = TestAccounts.open(); RawXmpp x = RawXmpp.connect()) {
            TestAccounts.Account user = accounts.create("mistyper");
            Duration t = Duration.ofMillis(ItConfig.timeoutMillis());
            x.send(RawXmpp.header(ItConfig.domain()));
            x.awaitFeatures(t);
            for (int i = 1; i <= 3; i++) {
                x.send(plainAuth(user.username(), "typo-" + i));
            }
            x.send(plainAuth(user.username(), user.password()));
            x.await(e -> "success".equals(e.getName()), t)
                    .orElseThrow(() -> new AssertionError("three mistyped passwords, then the right one: " + x.received()));
        }
    }

    private static long failures(String received) {
        return StreamParse.parse(received).elements().stream().filter(e -> "failure".equals(e.getName())).count();
    }

    private static String plainAuth(String user, String password) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>";
    }

    private static String attempt(String user, String password) throws Exception {
        return attempt(user, password, null);
    }

    /** One SASL PLAIN attempt on a fresh stream (from {@code from}, or the default address): "success" or the failure's condition. */
    private static String attempt(String user, String password, String from) throws Exception {
        try (RawXmpp x = from == null ? RawXmpp.connect() : RawXmpp.connectFrom(from)) {
            Duration t = Duration.ofMillis(ItConfig.timeoutMillis());
            x.send(RawXmpp.header(ItConfig.domain()));
            x.awaitFeatures(t);
            String initial = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8));
            x.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + initial + "</auth>");
            Element reply = x.await(e -> "success".equals(e.getName()) || "failure".equals(e.getName()), t)
                    .orElseThrow(() -> new AssertionError("no SASL outcome: " + x.received()));
            if ("success".equals(reply.getName())) {
                return "success";
            }
            return reply.elements().stream().map(Element::getName).filter(n -> !"text".equals(n)).findFirst()
                    .orElse("?");
        }
    }
}
