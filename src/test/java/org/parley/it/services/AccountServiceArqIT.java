package org.parley.it.services;

import org.parley.xmpp.core.StreamSettings;
import org.parley.feature.register.RegistrationSettings;
import org.parley.feature.presence.SubscriptionSettings;
import org.parley.feature.offline.OfflineSettings;
import org.parley.feature.disco.ContactSettings;
import org.parley.feature.announce.AnnounceSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.AccountService;
import org.parley.application.HostService;
import org.parley.application.XmppServerBean;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.JID;
import jakarta.transaction.UserTransaction;

import javax.sql.DataSource;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account and host services inside the running server, on whichever database the build selected (H2 or
 * PostgreSQL): the test archive is deployed next to parley.war and uses its EJBs.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServiceArqIT {

    @Deployment
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-services-it.war")
                .addClass(AccountServiceArqIT.class);
    }

    @EJB(lookup = "java:global/parley/AccountService!org.parley.application.AccountService")
    AccountService accounts;

    @EJB(lookup = "java:global/parley/HostService!org.parley.application.HostService")
    HostService hosts;

    @EJB(lookup = "java:global/parley/XmppServerBean!org.parley.application.XmppServerBean")
    XmppServerBean xmpp;

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registerStoresOnlySaltedKeysAndSupportsTheWholeLifeCycle() throws Exception {
        String jid = unique("arq") + "@localhost";
        String password = "s3cret-" + UUID.randomUUID();
        accounts.register(jid, password, false);

        Account a = accounts.find(jid).orElseThrow();
        assertTrue(a.isEnabled());
        assertFalse(a.isAdmin());
        assertTrue(a.credential(ScramAlgorithm.SHA_256).matches(password));
        assertTrue(a.credential(ScramAlgorithm.SHA_1).matches(password));
        assertNoColumnHolds(password);

        assertEquals(AccountException.Reason.CONFLICT,
                assertThrows(AccountException.class, () -> accounts.register(jid, "other", false)).reason());

        accounts.changePassword(jid, "new-" + password);
        assertFalse(accounts.find(jid).orElseThrow().credential(ScramAlgorithm.SHA_256).matches(password));
        assertTrue(accounts.find(jid).orElseThrow().credential(ScramAlgorithm.SHA_256).matches("new-" + password));

        accounts.setEnabled(jid, false);
        assertFalse(accounts.find(jid).orElseThrow().isEnabled());
        accounts.setAdmin(jid, true);
        assertTrue(accounts.find(jid).orElseThrow().isAdmin());

        assertTrue(accounts.count("localhost") >= 2); // the bootstrap admin and this one
        accounts.unregister(jid);
        assertTrue(accounts.find(jid).isEmpty());
        assertEquals(AccountException.Reason.NOT_FOUND,
                assertThrows(AccountException.class, () -> accounts.unregister(jid)).reason());
    }

    /**
     * A login that looks an account up while a change of it is not yet committed must not leave that state in
     * the account cache: here the lookup sees the disabled account inside the transaction, which then rolls
     * back, so the account must read as enabled again (and logins must work).
     */
    @Test
    void theAccountCacheForgetsWhatATransactionReadBeforeItEnded() throws Exception {
        String jid = unique("tx") + "@localhost";
        accounts.register(jid, "pw-" + UUID.randomUUID(), false);
        JID bare = new JID(jid);
        assertTrue(xmpp.server().accounts().isEnabled(bare));

        tx.begin();
        try {
            accounts.setEnabled(jid, false);
            assertFalse(xmpp.server().accounts().isEnabled(bare), "inside the transaction the change is seen");
        } finally {
            tx.rollback();
        }
        assertTrue(accounts.find(jid).orElseThrow().isEnabled());
        assertTrue(xmpp.server().accounts().isEnabled(bare), "the rolled-back state must not stay cached");

        tx.begin();
        accounts.setEnabled(jid, false);
        tx.commit();
        assertFalse(xmpp.server().accounts().isEnabled(bare));
        accounts.unregister(jid);
    }

    /** The running server never keeps host settings (or a host) that a rolled-back transaction wrote. */
    @Test
    void aRolledBackHostChangeIsTakenBackInTheRunningServer() throws Exception {
        String domain = unique("rb") + ".example";
        hosts.add(domain);
        HostSettings s = hosts.get(domain);
        tx.begin();
        try {
            hosts.update(s.with(RegistrationSettings.REGISTRATION_ENABLED, true)
                    .with(OfflineSettings.MAX_OFFLINE_MESSAGES, 3).with(AnnounceSettings.MOTD, "rolled back"));
            assertEquals(3, xmpp.hosts().settings(domain).get(OfflineSettings.MAX_OFFLINE_MESSAGES), "applied at once");
        } finally {
            tx.rollback();
        }
        assertEquals(s.get(OfflineSettings.MAX_OFFLINE_MESSAGES),
                xmpp.hosts().settings(domain).get(OfflineSettings.MAX_OFFLINE_MESSAGES));
        assertEquals(s.get(AnnounceSettings.MOTD), xmpp.hosts().settings(domain).get(AnnounceSettings.MOTD));
        assertEquals(s, hosts.get(domain));

        String added = unique("rb") + ".example";
        tx.begin();
        try {
            hosts.add(added);
            assertTrue(xmpp.hosts().isLocal(added));
        } finally {
            tx.rollback();
        }
        assertFalse(xmpp.hosts().isLocal(added), "a host added by a rolled-back transaction is not served");
        hosts.remove(domain);
        assertFalse(xmpp.hosts().isLocal(domain));
    }

    @Test
    void invalidInputIsRefusedWithoutStoringAnything() {
        long before = accounts.count("localhost");
        assertEquals(AccountException.Reason.INVALID,
                assertThrows(AccountException.class, () -> accounts.register("no local part", "x", false)).reason());
        assertEquals(AccountException.Reason.INVALID,
                assertThrows(AccountException.class, () -> accounts.register(unique("u") + "@localhost", "", false)).reason());
        assertEquals(AccountException.Reason.HOST_UNKNOWN,
                assertThrows(AccountException.class, () -> accounts.register("u@unserved.example", "pw", false)).reason());
        assertEquals(before, accounts.count("localhost"));
    }

    @Test
    void hostSettingsPersistAndApplyAtOnce() {
        String domain = unique("h") + ".example";
        hosts.add(domain);
        HostSettings s = hosts.get(domain);
        hosts.update(s.with(StreamSettings.TLS_MODE, HostSettings.TlsMode.REQUIRED)
                .with(RegistrationSettings.REGISTRATION_ENABLED, true).with(SubscriptionSettings.AUTO_APPROVE, true)
                .with(OfflineSettings.MAX_OFFLINE_MESSAGES, 7).with(StreamSettings.MAX_STANZA_BYTES, 4096)
                .with(AnnounceSettings.MOTD, "hello").with(ContactSettings.ABUSE, List.of("mailto:abuse@" + domain)));
        HostSettings back = hosts.get(domain);
        assertEquals(HostSettings.TlsMode.REQUIRED, back.get(StreamSettings.TLS_MODE));
        assertTrue(back.get(RegistrationSettings.REGISTRATION_ENABLED));
        assertEquals(7, back.get(OfflineSettings.MAX_OFFLINE_MESSAGES));
        assertEquals(4096, back.get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals("hello", back.get(AnnounceSettings.MOTD));
        assertEquals(List.of("mailto:abuse@" + domain), back.get(ContactSettings.ABUSE));
        assertEquals(back, xmpp.hosts().settings(domain), "the running server has what is stored");
        assertFalse(s.get(RegistrationSettings.REGISTRATION_ENABLED));

        String user = unique("v") + "@" + domain;
        accounts.register(user, "pw", false);
        assertEquals(1, accounts.count(domain));
        accounts.unregister(user);
        hosts.remove(domain);
        assertTrue(hosts.list().stream().noneMatch(h -> h.domain().equals(domain)));
    }

    private void assertNoColumnHolds(String secret) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM parley_account");
             ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(secret), "a column holds the clear password");
                }
            }
        }
    }
}
