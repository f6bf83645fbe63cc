package org.parley.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parley.config.ParleyConfig;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountDeleted;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.sasl.ScramCredential;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one account service: console, REST, EJB clients and XEP-0133/XEP-0077 all go through it.
 */
@Stateless
public class AccountService {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    XmppServerBean xmpp;

    @Inject
    Event<AccountDeleted> deleted;

    /** Normalised bare JID (nodeprep/nameprep) or AccountException(INVALID). */
    public static JID bare(String jid) {
        try {
            JID j = new JID(jid);
            if (j.getNode() == null || j.getNode().isEmpty()) {
                throw new AccountException(Reason.INVALID, "a user JID needs a local part: " + jid);
            }
            return j.asBareJID();
        } catch (IllegalArgumentException e) {
            throw new AccountException(Reason.INVALID, "not a valid JID: " + jid);
        }
    }

    public Account register(String jid, String password, boolean admin) {
        JID bare = bare(jid);
        if (!xmpp.hosts().isLocal(bare.getDomain())) {
            throw new AccountException(Reason.HOST_UNKNOWN, "not a served domain: " + bare.getDomain());
        }
        checkPassword(password);
        if (find(bare).isPresent()) {
            throw new AccountException(Reason.CONFLICT, "account exists: " + bare);
        }
        Account a = new Account(bare.getDomain(), bare.getNode());
        a.setPassword(password, iterations());
        a.setAdmin(admin);
        em.persist(a);
        em.flush();
        xmpp.accountChanged(bare);
        return a;
    }

    public void unregister(String jid) {
        JID bare = bare(jid);
        Account a = require(bare);
        em.remove(a);
        em.flush();
        xmpp.accountChanged(bare);
        xmpp.server().sessions().kick(bare, "not-authorized", "account removed");
        deleted.fire(new AccountDeleted(bare.toBareJID()));
    }

    public void changePassword(String jid, String password) {
        checkPassword(password);
        JID bare = bare(jid);
        require(bare).setPassword(password, iterations());
        xmpp.accountChanged(bare);
    }

    /** Disabling ends the account's live sessions. */
    public void setEnabled(String jid, boolean enabled) {
        JID bare = bare(jid);
        require(bare).setEnabled(enabled);
        em.flush();
        xmpp.accountChanged(bare);
        if (!enabled) {
            xmpp.server().sessions().kick(bare, "not-authorized", "account disabled");
        }
    }

    public void setAdmin(String jid, boolean admin) {
        JID bare = bare(jid);
        require(bare).setAdmin(admin);
        xmpp.accountChanged(bare);
    }

    public Optional<Account> find(JID bare) {
        List<Account> l = em.createNamedQuery("Account.find", Account.class)
                .setParameter("domain", bare.getDomain()).setParameter("username", bare.getNode())
                .getResultList();
        return l.stream().findFirst();
    }

    public Optional<Account> find(String jid) {
        return find(bare(jid));
    }

    public List<Account> list(String domain, int offset, int limit) {
        return em.createNamedQuery("Account.byDomain", Account.class).setParameter("domain", domain)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    public long count(String domain) {
        return em.createNamedQuery("Account.countByDomain", Long.class).setParameter("domain", domain)
                .getSingleResult();
    }

    /** Accounts of a domain whose local part contains {@code text} (case-insensitive), by local part. */
    public List<Account> search(String domain, String text, int offset, int limit) {
        return em.createQuery("SELECT a FROM Account a WHERE a.domain = :domain AND LOWER(a.username) LIKE :text"
                        + " ESCAPE '!' ORDER BY a.username", Account.class)
                .setParameter("domain", domain).setParameter("text", likePattern(text))
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    public long countMatching(String domain, String text) {
        return em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.domain = :domain"
                        + " AND LOWER(a.username) LIKE :text ESCAPE '!'", Long.class)
                .setParameter("domain", domain).setParameter("text", likePattern(text)).getSingleResult();
    }

    static String likePattern(String text) {
        // '!' escapes the wildcards, the same way on H2 and PostgreSQL
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return "%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Bound sessions, of one domain or of all (domain null). */
    public List<ClientSessionView> onlineSessions(String domain) {
        return xmpp.server().sessions().all().stream()
                .filter(s -> domain == null || s.domain().equals(domain))
                .map(s -> (ClientSessionView) s)
                .sorted(Comparator.comparing(s -> s.jid().toString()))
                .toList();
    }

    /** Ends one resource (full JID) or every session of an account (bare JID). */
    public int kick(String jid) {
        JID j = new JID(jid);
        int n = j.getResource() == null ? xmpp.server().sessions().of(j).size()
                : (xmpp.server().sessions().get(j) == null ? 0 : 1);
        xmpp.server().sessions().kick(j, "policy-violation", "ended by an administrator");
        return n;
    }

    private Account require(JID bare) {
        return find(bare).orElseThrow(() -> new AccountException(Reason.NOT_FOUND, "no such account: " + bare));
    }

    private static void checkPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > 1024) {
            throw new AccountException(Reason.INVALID, "password must be 1 to 1024 characters");
        }
    }

    private static int iterations() {
        return ParleyConfig.getInt("scram.iterations", ScramCredential.DEFAULT_ITERATIONS);
    }
}
