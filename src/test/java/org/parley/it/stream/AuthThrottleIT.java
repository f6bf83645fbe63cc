package org.parley.it.stream;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ItConfig;
import org.parley.it.support.RawXmpp;
import org.parley.it.support.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Failed-login throttling per account: after the configured number of wrong passwords
 * (parley.auth.max.failures.account, 10) even the right one gets temporary-auth-failure for the window;
 * another account from the same address is not affected.
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

    /** One SASL PLAIN attempt on a fresh stream: "success" or the failure's condition. */
    private static String attempt(String user, String password) throws Exception {
        try (RawXmpp x = RawXmpp.connect()) {
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
