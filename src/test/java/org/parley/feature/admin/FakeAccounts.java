package org.parley.feature.admin;

import jakarta.ejb.EJBException;
import org.parley.api.SessionInfo;
import org.parley.api.UserChanges;
import org.parley.api.UserInfo;
import org.parley.application.AccountService;
import org.parley.application.ApiViews;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account service without a container: accounts in a map, refusals wrapped in EJBException as the
 * container does for system exceptions of a stateless bean.
 */
public class FakeAccounts extends AccountService {
    public final Map<String, Account> accounts = new TreeMap<>();
    public final Map<String, String> passwords = new TreeMap<>();
    public final List<String> kicked = new ArrayList<>();
    public List<ClientSessionView> online = List.of();

    public FakeAccounts with(String jid, boolean admin) {
        JID j = new JID(jid);
        Account a = new Account(j.getDomain(), j.getNode());
        a.setAdmin(admin);
        accounts.put(j.toBareJID(), a);
        return this;
    }

    private static RuntimeException refused(Reason reason, String message) {
        return new EJBException(new AccountException(reason, message));
    }

    @Override
    public Account register(String jid, String password, boolean admin) {
        JID bare = bare(jid);
        if (accounts.containsKey(bare.toBareJID())) {
            throw refused(Reason.CONFLICT, "account exists: " + bare);
        }
        if (password == null || password.isEmpty()) {
            throw refused(Reason.INVALID, "password must be 1 to 1024 characters");
        }
        Account a = new Account(bare.getDomain(), bare.getNode());
        a.setAdmin(admin);
        accounts.put(bare.toBareJID(), a);
        passwords.put(bare.toBareJID(), password);
        return a;
    }

    @Override
    public void unregister(String jid) {
        if (accounts.remove(bare(jid).toBareJID()) == null) {
            throw refused(Reason.NOT_FOUND, "no such account: " + jid);
        }
        kicked.add(bare(jid).toBareJID());
    }

    @Override
    public void changePassword(String jid, String password) {
        require(jid);
        passwords.put(bare(jid).toBareJID(), password);
    }

    @Override
    public void setEnabled(String jid, boolean enabled) {
        require(jid).setEnabled(enabled);
    }

    @Override
    public Optional<Account> find(JID bare) {
        return Optional.ofNullable(accounts.get(bare.toBareJID()));
    }

    @Override
    public List<Account> list(String domain, int offset, int limit) {
        return accounts.values().stream().filter(a -> a.getDomain().equals(domain)).skip(offset).limit(limit)
                .toList();
    }

    @Override
    public long count(String domain) {
        return accounts.values().stream().filter(a -> a.getDomain().equals(domain)).count();
    }

    @Override
    public List<ClientSessionView> onlineSessions(String domain) {
        return online.stream().filter(s -> domain == null || s.domain().equals(domain)).toList();
    }

    @Override
    public List<SessionInfo> sessionsOfAccount(String userJid) {
        String bare = bare(userJid).toBareJID();
        return online.stream().filter(s -> s.jid().toBareJID().equals(bare)).map(ApiViews::session).toList();
    }

    @Override
    public boolean endSession(String fullJid) {
        kicked.add(fullJid);
        return online.stream().anyMatch(s -> s.jid().toString().equals(fullJid));
    }

    @Override
    public UserInfo info(String jid) {
        return ApiViews.user(require(jid));
    }

    @Override
    public UserInfo update(String jid, UserChanges changes) {
        Account a = require(jid);
        if (changes.password() != null) {
            passwords.put(a.jid(), changes.password());
        }
        if (changes.admin() != null) {
            a.setAdmin(changes.admin());
        }
        if (changes.enabled() != null) {
            a.setEnabled(changes.enabled());
        }
        return ApiViews.user(a);
    }

    @Override
    public int endSessions(String jid) {
        kicked.add(jid);
        boolean full = new JID(jid).getResource() != null;
        return (int) online.stream().filter(s -> (full ? s.jid().toString() : s.jid().toBareJID()).equals(jid))
                .count();
    }

    private Account require(String jid) {
        Account a = accounts.get(bare(jid).toBareJID());
        if (a == null) {
            throw refused(Reason.NOT_FOUND, "no such account: " + jid);
        }
        return a;
    }
}
