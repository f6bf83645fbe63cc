package org.parley.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.parley.api.AccountOperations;
import org.parley.api.SessionInfo;
import org.parley.api.SessionOperations;
import org.parley.api.UserChanges;
import org.parley.api.UserInfo;
import org.parley.application.command.Commands;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountDeleted;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.parley.application.command.CommandArgs.account;
import static org.parley.application.command.CommandArgs.domain;

/**
 * The one account service: console, REST, EJB clients and XEP-0133/XEP-0077 all go through it. Host
 * applications use it through {@link AccountOperations} and {@link SessionOperations} (local views). Input
 * checks (JIDs, passwords, search text) are {@link AccountInput}'s.
 */
@Stateless
@LocalBean
@Local({AccountOperations.class, SessionOperations.class})
public class AccountService implements AccountOperations, SessionOperations {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    XmppServerBean xmpp;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<AccountDeleted> deleted;

    @Inject
    Commands commands;

    @Resource
    SessionContext context;

    /** Normalised bare JID (nodeprep/nameprep) or AccountException(INVALID). */
    public static JID bare(String jid) {
        return AccountInput.bare(jid);
    }

    public Account register(String jid, String password, boolean admin) {
        JID bare = bare(jid);
        if (!xmpp.hosts().isLocal(bare.getDomain())) {
            throw new AccountException(Reason.HOST_UNKNOWN, "not a served domain: " + bare.getDomain());
        }
        AccountInput.checkPassword(password);
        if (find(bare).isPresent()) {
            throw new AccountException(Reason.CONFLICT, "account exists: " + bare);
        }
        Account a = new Account(bare.getDomain(), bare.getNode());
        AccountInput.setPassword(a, password);
        a.setAdmin(admin);
        em.persist(a);
        em.flush();
        changes().changed(bare);
        return a;
    }

    public void unregister(String jid) {
        JID bare = bare(jid);
        Account a = require(bare);
        em.remove(a);
        em.flush();
        changes().changed(bare, () -> xmpp.server().sessions().kick(bare, "not-authorized", "account removed"));
        deleted.fire(new AccountDeleted(bare.toBareJID()));
    }

    public void changePassword(String jid, String password) {
        AccountInput.checkPassword(password);
        update(jid, new UserChanges(password, null, null));
    }

    /** Disabling ends the account's live sessions. */
    public void setEnabled(String jid, boolean enabled) {
        update(jid, new UserChanges(null, null, enabled));
    }

    public void setAdmin(String jid, boolean admin) {
        update(jid, new UserChanges(null, admin, null));
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
                .setParameter("domain", domain).setParameter("text", AccountInput.likePattern(text))
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    public long countMatching(String domain, String text) {
        return em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.domain = :domain"
                        + " AND LOWER(a.username) LIKE :text ESCAPE '!'", Long.class)
                .setParameter("domain", domain).setParameter("text", AccountInput.likePattern(text)).getSingleResult();
    }

    /** Bound sessions, of one domain or of all (domain null). */
    public List<ClientSessionView> onlineSessions(String domain) {
        return xmpp.server().sessions().all().stream()
                .filter(s -> domain == null || s.domain().equals(domain))
                .map(s -> (ClientSessionView) s)
                .sorted(Comparator.comparing(s -> s.jid().toString()))
                .toList();
    }

    // The org.parley.api views: each call is checked by the admin command's policy for the EJB caller (docs/ejb.md),
    // then runs the operation below; the commands themselves call the operations, not these methods.

    @Override
    public UserInfo createUser(String jid, String password, boolean admin) {
        authorize("register", account(jid, "password", password, "admin", admin));
        return ApiViews.user(register(jid, password, admin));
    }

    @Override
    public UserInfo user(String jid) {
        authorize("user_info", account(jid));
        return info(jid);
    }

    @Override
    public List<UserInfo> users(String domain, int offset, int limit) {
        authorize("registered_users", domain(domain));
        return page(domain, offset, limit);
    }

    @Override
    public long userCount(String domain) {
        authorize("stats_host", domain(domain, "name", "registeredusers"));
        return count(HostService.normalise(domain));
    }

    /** Not disabling or demoting the caller's own account: the command update_account's guard. */
    @Override
    public UserInfo updateUser(String jid, UserChanges changes) {
        Map<String, Object> args = account(jid);
        if (changes != null) {
            args.put("password", changes.password());
            args.put("admin", changes.admin());
            args.put("enabled", changes.enabled());
        }
        authorize("update_account", args);
        return update(jid, changes);
    }

    @Override
    public void deleteUser(String jid) {
        authorize("unregister", account(jid));
        unregister(jid);
    }

    @Override
    public List<SessionInfo> sessions(String domain) {
        authorize("connected_users_info", domain == null ? new HashMap<>() : domain(domain));
        return sessionList(domain);
    }

    @Override
    public List<SessionInfo> sessionsOf(String userJid) {
        authorize("user_sessions_info", account(userJid));
        return sessionsOfAccount(userJid);
    }

    @Override
    public int kick(String jid) {
        JID j = AccountInput.user(jid);
        authorize(j.getResource() == null ? "kick_user" : "kick_session", j.getResource() == null
                ? account(j.toBareJID()) : account(j.toBareJID(), "resource", j.getResource()));
        return endSessions(jid);
    }

    @Override
    public boolean kickResource(String fullJid) {
        JID j = AccountInput.user(fullJid);
        if (j.getResource() != null) {
            authorize("kick_session", account(j.toBareJID(), "resource", j.getResource()));
        }
        return endSession(fullJid);
    }

    // The operations (the admin commands run these).

    public UserInfo info(String jid) {
        return ApiViews.user(require(bare(jid)));
    }

    /** A page of a domain's accounts by JID; offset ≥ 0 and 1 ≤ limit ≤ MAX_PAGE (INVALID otherwise). */
    public List<UserInfo> page(String domain, int offset, int limit) {
        if (offset < 0) {
            throw new AccountException(Reason.INVALID, "offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new AccountException(Reason.INVALID, "limit must be 1 to " + MAX_PAGE);
        }
        return list(HostService.normalise(domain), offset, limit).stream().map(ApiViews::user).toList();
    }

    /** The one place accounts change: XEP-0133, REST, the console and EJB clients all end up here. */
    public UserInfo update(String jid, UserChanges changes) {
        JID bare = bare(jid);
        Account a = require(bare);
        if (changes == null) {
            return ApiViews.user(a);
        }
        if (changes.password() != null) {
            AccountInput.checkPassword(changes.password());
            AccountInput.setPassword(a, changes.password());
        }
        if (changes.admin() != null) {
            a.setAdmin(changes.admin());
        }
        if (changes.enabled() != null) {
            a.setEnabled(changes.enabled());
        }
        em.flush();
        boolean disabled = Boolean.FALSE.equals(changes.enabled());
        changes().changed(bare, () -> {
            if (disabled) {
                xmpp.server().sessions().kick(bare, "not-authorized", "account disabled");
            }
        });
        return ApiViews.user(a);
    }

    /** Bound sessions of one domain, or of all (null). */
    public List<SessionInfo> sessionList(String domain) {
        return onlineSessions(domain == null ? null : HostService.normalise(domain)).stream()
                .map(ApiViews::session).toList();
    }

    public List<SessionInfo> sessionsOfAccount(String userJid) {
        return xmpp.server().sessions().of(bare(userJid)).stream().map(ApiViews::session)
                .sorted(Comparator.comparing(SessionInfo::jid)).toList();
    }

    /** Ends one resource (full JID) or every session of an account (bare JID); returns how many ended. */
    public int endSessions(String jid) {
        JID j = AccountInput.user(jid);
        if (j.getResource() != null) {
            return endSession(jid) ? 1 : 0;
        }
        int n = xmpp.server().sessions().of(j).size();
        xmpp.server().sessions().kick(j, "policy-violation", "ended by an administrator");
        return n;
    }

    public boolean endSession(String fullJid) {
        JID j = AccountInput.user(fullJid);
        if (j.getResource() == null) {
            throw new AccountException(Reason.INVALID, "a full JID (with a resource) is required: " + fullJid);
        }
        if (xmpp.server().sessions().get(j) == null) {
            return false;
        }
        xmpp.server().sessions().kick(j, "policy-violation", "ended by an administrator");
        return true;
    }

    /** Checks the command's policy (and guard) for the EJB caller. */
    private void authorize(String command, Map<String, Object> args) {
        commands.authorize(context.getCallerPrincipal(), command, args);
    }

    private AccountChanges changes() {
        return new AccountChanges(transactions, xmpp::accountChanged);
    }

    private Account require(JID bare) {
        return find(bare).orElseThrow(() -> new AccountException(Reason.NOT_FOUND, "no such account: " + bare));
    }
}
