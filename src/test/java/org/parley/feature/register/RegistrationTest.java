package org.parley.feature.register;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.feature.admin.FakeAccounts;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.xmpp.packet.IQ;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationTest {
    static final String Q = "<query xmlns='jabber:iq:register'>%s</query>";

    boolean enabled = true;
    final Hosts hosts = new Hosts() {
        @Override
        public boolean isLocal(String domain) {
            return "example.org".equals(domain);
        }

        @Override
        public Set<String> domains() {
            return Set.of("example.org");
        }

        @Override
        public HostSettings settings(String domain) {
            return HostSettings.defaults(domain).with(RegistrationSettings.REGISTRATION_ENABLED, enabled);
        }
    };
    final FakeAccounts accounts = new FakeAccounts().with("juliet@example.org", false);
    long now = 0;
    final Registration registration = new Registration(hosts, accounts, new RegistrationLimit(3, () -> now));

    /** As the router hands a pre-auth IQ over: no 'from', 'to' = the stream's domain. */
    static IQ preAuth(IQ.Type type, String query) throws Exception {
        IQ iq = new IQ(type, "reg1");
        iq.setTo("example.org");
        iq.setChildElement(DocumentHelper.parseText(Q.formatted(query)).getRootElement());
        return iq;
    }

    static IQ fromUser(IQ.Type type, String to, String query) throws Exception {
        IQ iq = preAuth(type, query);
        iq.setFrom("juliet@example.org/balcony");
        iq.setTo(to);
        return iq;
    }

    static String error(IQ reply) {
        assertEquals(IQ.Type.error, reply.getType(), reply.toXML());
        return reply.getError().getCondition().toXMPP();
    }

    @Test
    void formBeforeAuthHasInstructionsUsernameAndPassword() throws Exception {
        IQ reply = registration.beforeAuth(preAuth(IQ.Type.get, ""));
        assertEquals(IQ.Type.result, reply.getType());
        Element q = reply.getChildElement();
        assertEquals(Registration.NS, q.getNamespaceURI());
        assertNotNull(q.element("instructions"));
        assertNotNull(q.element("username"));
        assertNotNull(q.element("password"));
        assertNull(q.element("registered"));
    }

    @Test
    void registersAnAccount() throws Exception {
        IQ reply = registration.beforeAuth(preAuth(IQ.Type.set, "<username>Bill</username><password>Calliope</password>"));
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        assertTrue(accounts.accounts.containsKey("bill@example.org"), "usernames are nodeprepped");
        assertEquals("Calliope", accounts.passwords.get("bill@example.org"));
    }

    @Test
    void refusalsBeforeAuth() throws Exception {
        assertEquals("conflict", error(registration.beforeAuth(preAuth(IQ.Type.set,
                "<username>juliet</username><password>x</password>"))));
        assertEquals("not-acceptable", error(registration.beforeAuth(preAuth(IQ.Type.set,
                "<username>bill</username><password/>"))));
        assertEquals("not-acceptable", error(registration.beforeAuth(preAuth(IQ.Type.set,
                "<password>x</password>"))));
        assertEquals("not-acceptable", error(registration.beforeAuth(preAuth(IQ.Type.set,
                "<username>a@b</username><password>x</password>"))));
        assertEquals("unexpected-request", error(registration.beforeAuth(preAuth(IQ.Type.set, "<remove/>"))));
        assertEquals(1, accounts.accounts.size());
    }

    @Test
    void resultsAndErrorsAreNotAnswered() throws Exception {
        assertNull(registration.beforeAuth(preAuth(IQ.Type.result,
                "<username>bill</username><password>x</password>")));
        assertFalse(accounts.accounts.containsKey("bill@example.org"));
    }

    @Test
    void errorRepliesDoNotEchoThePassword() throws Exception {
        IQ reply = registration.beforeAuth(preAuth(IQ.Type.set, "<username>juliet</username><password>secret</password>"));
        assertFalse(reply.toXML().contains("secret"));
        assertEquals(Registration.NS, reply.getChildElement().getNamespaceURI());
    }

    @Test
    void disabledRegistrationIsServiceUnavailable() throws Exception {
        enabled = false;
        assertEquals("service-unavailable", error(registration.beforeAuth(preAuth(IQ.Type.get, ""))));
        assertEquals("service-unavailable", error(registration.beforeAuth(preAuth(IQ.Type.set,
                "<username>bill</username><password>x</password>"))));
        assertFalse(accounts.accounts.containsKey("bill@example.org"));
    }

    @Test
    void registrationsPerDomainAndMinuteAreLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(IQ.Type.result, registration.beforeAuth(preAuth(IQ.Type.set,
                    "<username>u" + i + "</username><password>x</password>")).getType());
        }
        assertEquals("resource-constraint", error(registration.beforeAuth(preAuth(IQ.Type.set,
                "<username>u3</username><password>x</password>"))));
        now += 61_000_000_000L;
        assertEquals(IQ.Type.result, registration.beforeAuth(preAuth(IQ.Type.set,
                "<username>u3</username><password>x</password>")).getType());
    }

    @Test
    void afterAuthTheFormSaysRegistered() throws Exception {
        IQ reply = registration.afterAuth(fromUser(IQ.Type.get, null, ""));
        Element q = reply.getChildElement();
        assertNotNull(q.element("registered"));
        assertEquals("juliet", q.elementText("username"));
    }

    @Test
    void changesTheOwnPasswordOnly() throws Exception {
        assertEquals(IQ.Type.result, registration.afterAuth(fromUser(IQ.Type.set, "example.org",
                "<username>juliet</username><password>n3w</password>")).getType());
        assertEquals("n3w", accounts.passwords.get("juliet@example.org"));
        assertEquals(IQ.Type.result, registration.afterAuth(fromUser(IQ.Type.set, null,
                "<username>juliet@example.org</username><password>n4w</password>")).getType());
        assertEquals("n4w", accounts.passwords.get("juliet@example.org"));

        assertEquals("forbidden", error(registration.afterAuth(fromUser(IQ.Type.set, null,
                "<username>romeo</username><password>x</password>"))));
        assertEquals("bad-request", error(registration.afterAuth(fromUser(IQ.Type.set, null,
                "<username>juliet</username><password></password>"))));
        assertEquals("n4w", accounts.passwords.get("juliet@example.org"), "an empty password changes nothing");
        assertEquals("not-allowed", error(registration.afterAuth(fromUser(IQ.Type.set, "other.org",
                "<username>juliet</username><password>x</password>"))));
    }

    @Test
    void cancelsTheRegistration() throws Exception {
        assertEquals("bad-request", error(registration.afterAuth(fromUser(IQ.Type.set, null,
                "<remove/><username>juliet</username>"))));
        assertTrue(accounts.accounts.containsKey("juliet@example.org"));
        IQ reply = registration.afterAuth(fromUser(IQ.Type.set, null, "<remove/>"));
        assertEquals(IQ.Type.result, reply.getType());
        assertFalse(accounts.accounts.containsKey("juliet@example.org"));
        assertEquals("registration-required", error(registration.afterAuth(fromUser(IQ.Type.set, null, "<remove/>"))));
    }

    @Test
    void theStreamFeatureElement() {
        Element f = RegisterModule.feature();
        assertEquals("register", f.getName());
        assertEquals("http://jabber.org/features/iq-register", f.getNamespaceURI());
    }
}
