package org.parley.it.client;

import org.dom4j.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.it.support.ItConfig;
import org.parley.it.support.OtherDomain;
import org.parley.it.support.RawXmpp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The XEP-0133 commands run the admin commands: an administrator of another domain may neither list nor run
 * them on the test domain, and runs them on its own.
 */
class AdminCommandPolicyIT {
    private static final String COMMANDS = "http://jabber.org/protocol/commands";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static OtherDomain other;
    private static RawXmpp boss;

    @BeforeAll
    static void setUp() throws Exception {
        other = OtherDomain.create("cmd-xmpp");
        boss = RawXmpp.connect();
        boss.loginPlain(other.domain(), other.adminUser(), other.adminPassword(), "console");
    }

    @AfterAll
    static void tearDown() throws Exception {
        boss.close();
        other.remove();
    }

    private static Element execute(String domain, String node) throws Exception {
        String id = "c" + IDS.incrementAndGet();
        boss.send("<iq type='set' id='" + id + "' to='" + domain + "'><command xmlns='" + COMMANDS
                + "' node='http://jabber.org/protocol/admin#" + node + "' action='execute'/></iq>");
        return boss.await(e -> "iq".equals(e.getName()) && id.equals(e.attributeValue("id")),
                Duration.ofMillis(ItConfig.timeoutMillis())).orElseThrow(() -> new AssertionError("no answer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"add-user", "delete-user", "disable-user", "reenable-user", "end-user-session",
            "change-user-password", "get-registered-users-num", "get-online-users-num", "get-registered-users-list",
            "get-online-users-list", "get-online-users", "announce", "set-motd", "edit-motd", "delete-motd"})
    void anAdministratorOfAnotherDomainIsRefused(String node) throws Exception {
        Element answer = execute(ItConfig.domain(), node);
        assertEquals("error", answer.attributeValue("type"), answer.asXML());
        assertNotNull(answer.element("error").element("forbidden"), answer.asXML());
    }

    @Test
    void theTestDomainListsNoCommandsToIt() throws Exception {
        boss.send("<iq type='get' id='items' to='" + ItConfig.domain() + "'><query"
                + " xmlns='http://jabber.org/protocol/disco#items' node='" + COMMANDS + "'/></iq>");
        Element answer = boss.await(e -> "items".equals(e.attributeValue("id")),
                Duration.ofMillis(ItConfig.timeoutMillis())).orElseThrow();
        assertFalse(answer.asXML().contains("admin#delete-user"), answer.asXML());
    }

    @Test
    void itRunsThemOnItsOwnDomain() throws Exception {
        Element answer = execute(other.domain(), "get-registered-users-num");
        assertEquals("result", answer.attributeValue("type"), answer.asXML());
        assertTrue(answer.asXML().contains("<value>1</value>"), "its own account only: " + answer.asXML());
    }
}
