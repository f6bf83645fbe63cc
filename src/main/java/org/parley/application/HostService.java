package org.parley.application;

import jakarta.annotation.Resource;
import jakarta.transaction.TransactionSynchronizationRegistry;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.parley.api.HostInfo;
import org.parley.api.HostOperations;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.domain.host.VirtualHost;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.JID;

import java.util.List;

/** Virtual hosts and their settings; changes take effect at once and survive restarts. */
@Stateless
@LocalBean
@Local(HostOperations.class)
public class HostService implements HostOperations {
    public static final int MIN_STANZA_BYTES = 1024;
    /** The motd column's size. */
    public static final int MAX_MOTD = 4000;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    XmppServerBean xmpp;

    @EJB
    AccountService accounts;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public List<HostSettings> list() {
        return em.createNamedQuery("VirtualHost.all", VirtualHost.class).getResultList().stream()
                .map(VirtualHost::settings).toList();
    }

    public HostSettings add(String domain) {
        String d = normalise(domain);
        if (em.find(VirtualHost.class, d) != null) {
            throw new AccountException(Reason.CONFLICT, "domain exists: " + d);
        }
        VirtualHost h = new VirtualHost(d);
        em.persist(h);
        em.flush();
        changes().changed(d, null, h.settings());
        return h.settings();
    }

    public void remove(String domain) {
        VirtualHost h = require(domain);
        HostSettings before = h.settings();
        em.remove(h);
        em.flush();
        changes().changed(h.getDomain(), before, null);
    }

    public HostSettings update(HostSettings settings) {
        VirtualHost h = require(settings.domain());
        String bad = invalidField(settings);
        if (bad != null) {
            throw new AccountException(Reason.INVALID, bad + " out of range");
        }
        HostSettings before = h.settings();
        h.apply(settings);
        em.flush();
        changes().changed(h.getDomain(), before, h.settings());
        return h.settings();
    }

    private HostChanges changes() {
        return new HostChanges(transactions, xmpp::hostChanged, xmpp::hostRemoved);
    }

    /** The first setting that breaks the rules (its JSON name), or null when they all hold. */
    public static String invalidField(HostSettings s) {
        if (s.tlsMode() == null) {
            return "tlsMode";
        }
        if (s.maxOfflineMessages() < 0) {
            return "maxOfflineMessages";
        }
        if (s.maxStanzaBytes() < MIN_STANZA_BYTES) {
            return "maxStanzaBytes";
        }
        if (s.motd() != null && s.motd().length() > MAX_MOTD) {
            return "motd";
        }
        return null;
    }

    @Override
    public List<HostInfo> hosts() {
        return list().stream().map(ApiViews::host).toList();
    }

    @Override
    public HostInfo host(String domain) {
        return ApiViews.host(get(domain));
    }

    /** The admin account is checked before the domain is added, so a refusal leaves nothing behind. */
    @Override
    public HostInfo createHost(String domain, String adminJid, String adminPassword) {
        String d;
        JID admin = null;
        try {
            d = normalise(domain);
            if (em.find(VirtualHost.class, d) != null) {
                throw new AccountException(Reason.CONFLICT, "domain exists: " + d);
            }
        } catch (AccountException e) {
            throw e.about("domain");
        }
        if (adminJid != null || adminPassword != null) {
            try {
                admin = AccountService.bare(adminJid);
                if (!admin.getDomain().equals(d)) {
                    throw new AccountException(Reason.INVALID, "the admin account must be of " + d);
                }
                if (accounts.find(admin).isPresent()) {
                    throw new AccountException(Reason.CONFLICT, "account exists: " + admin);
                }
            } catch (AccountException e) {
                throw e.about("admin.jid");
            }
            try {
                AccountInput.checkPassword(adminPassword);
            } catch (AccountException e) {
                throw e.about("admin.password");
            }
        }
        HostSettings added = add(d);
        if (admin != null) {
            try {
                accounts.register(admin.toBareJID(), adminPassword, true);
            } catch (AccountException e) {
                throw e.about("admin.password"); // the transaction rolls back: HostChanges removes the domain again
            }
        }
        return ApiViews.host(added);
    }

    @Override
    public HostInfo updateHost(HostInfo settings) {
        if (settings == null) {
            throw new AccountException(Reason.INVALID, "settings are required");
        }
        return ApiViews.host(update(ApiViews.settings(settings)));
    }

    @Override
    public void removeHost(String domain) {
        remove(domain);
    }

    public HostSettings get(String domain) {
        return require(domain).settings();
    }

    private VirtualHost require(String domain) {
        VirtualHost h = em.find(VirtualHost.class, normalise(domain));
        if (h == null) {
            throw new AccountException(Reason.NOT_FOUND, "no such domain: " + domain);
        }
        return h;
    }

    public static String normalise(String domain) {
        try {
            return new JID(null, domain, null).getDomain();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccountException(Reason.INVALID, "not a valid domain: " + domain);
        }
    }
}
