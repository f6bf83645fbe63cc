package org.parley.application;

import jakarta.annotation.Resource;
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
import org.parley.config.ParleyConfig;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;
import org.xmpp.packet.JID;

import java.util.List;

/** Virtual hosts and their settings; changes take effect at once and survive restarts. */
@Stateless
@LocalBean
@Local(HostOperations.class)
public class HostService implements HostOperations {

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
                .map(HostService::settings).toList();
    }

    public HostSettings add(String domain) {
        String d = normalise(domain);
        if (em.find(VirtualHost.class, d) != null) {
            throw new AccountException(Reason.CONFLICT, "domain exists: " + d);
        }
        VirtualHost h = new VirtualHost(d);
        HostSettingCatalog.store(HostSettings.defaults(d), h.settings()); // explicit: later defaults do not change it
        em.persist(h);
        em.flush();
        changes().changed(d, null, settings(h));
        return settings(h);
    }

    public void remove(String domain) {
        VirtualHost h = require(domain);
        HostSettings before = settings(h);
        em.remove(h);
        em.flush();
        changes().changed(h.getDomain(), before, null);
    }

    /** Changes made by the system (bootstrap, trusted EJB callers): every setting may change. */
    public HostSettings update(HostSettings settings) {
        return update(settings, null);
    }

    /**
     * Stores and applies {@code settings}. {@code actor} is the administrator asking (null: the system), who
     * already passed the channel's check that it manages the domain; a setting reserved to server administrators
     * that it changes is refused ({@link SettingRefused}).
     */
    public HostSettings update(HostSettings settings, JID actor) {
        VirtualHost h = require(settings.domain());
        HostSettingCatalog.Problem problem = HostSettingCatalog.firstProblem(settings);
        if (problem != null) {
            throw new AccountException(Reason.INVALID, problem.text()).about(problem.setting().name());
        }
        HostSettings before = settings(h);
        if (actor != null && !isServerAdmin(actor)) {
            for (HostSetting<?> s : HostSettingCatalog.changed(before, settings)) {
                if (s.changer() == HostSetting.Changer.SERVER_ADMIN) {
                    throw new SettingRefused(s.name());
                }
            }
        }
        HostSettingCatalog.store(settings, h.settings());
        em.flush();
        HostSettings after = settings(h);
        changes().changed(h.getDomain(), before, after);
        return after;
    }

    /** Administrators of the bootstrap administrator's domain ({@code parley.admin.jid}) run the server. */
    public static boolean isServerAdmin(JID admin) {
        String configured = ParleyConfig.get("admin.jid", null);
        String serverDomain = configured != null ? AccountService.bare(configured).getDomain()
                : normalise(ParleyConfig.initialDomains().get(0));
        return admin != null && serverDomain.equals(admin.getDomain());
    }

    static HostSettings settings(VirtualHost h) {
        return HostSettingCatalog.load(h.getDomain(), h.settings());
    }

    private HostChanges changes() {
        return new HostChanges(transactions, xmpp::hostChanged, xmpp::hostRemoved);
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
        return ApiViews.host(update(ApiViews.settings(get(settings.domain()), settings)));
    }

    @Override
    public void removeHost(String domain) {
        remove(domain);
    }

    public HostSettings get(String domain) {
        return settings(require(domain));
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
