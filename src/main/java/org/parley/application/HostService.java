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
import org.parley.api.ParleyException;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.domain.host.VirtualHost;
import org.parley.xmpp.spi.HostSettings;
import org.parley.application.command.Caller;
import org.parley.application.command.CommandRefused;
import org.parley.application.command.Commands;
import org.parley.application.command.HostCommands;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.inject.Inject;
import org.xmpp.packet.JID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual hosts and their settings; changes take effect at once and survive restarts. The operations (the
 * {@link HostAdministration} the admin commands run) are unchecked; the {@link HostOperations} business methods
 * first check the matching command's policy for the EJB caller (docs/ejb.md).
 */
@Stateless
@LocalBean
@Local(HostOperations.class)
public class HostService implements HostOperations, HostAdministration {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    XmppServerBean xmpp;

    @EJB
    AccountService accounts;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Commands commands;

    @Resource
    SessionContext context;

    @Override
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

    @Override
    public void remove(String domain) {
        VirtualHost h = require(domain);
        HostSettings before = settings(h);
        em.remove(h);
        em.flush();
        changes().changed(h.getDomain(), before, null);
    }

    /** Stores and applies {@code settings} (who may change which setting, the commands checked). */
    @Override
    public HostSettings update(HostSettings settings) {
        VirtualHost h = require(settings.domain());
        HostSettingCatalog.Problem problem = HostSettingCatalog.firstProblem(settings);
        if (problem != null) {
            throw new AccountException(Reason.INVALID, problem.text()).about(problem.setting().name());
        }
        HostSettings before = settings(h);
        HostSettingCatalog.store(settings, h.settings());
        em.flush();
        HostSettings after = settings(h);
        changes().changed(h.getDomain(), before, after);
        return after;
    }

    static HostSettings settings(VirtualHost h) {
        return HostSettingCatalog.load(h.getDomain(), h.settings());
    }

    private HostChanges changes() {
        return new HostChanges(transactions, xmpp::hostChanged, xmpp::hostRemoved);
    }

    // The business interface: each method checks its command's policy for the EJB caller, then runs the
    // operation below it; the commands themselves call the operations.

    /** The domains whose settings the caller may read (all of them for a server administrator or the system). */
    @Override
    public List<HostInfo> hosts() {
        Caller caller = commands.ejbCaller(context.getCallerPrincipal());
        commands.authorize(caller, "registered_vhosts", Map.of());
        return list().stream().filter(h -> commands.may(caller, "get_host_settings", Map.of("host", h.domain())))
                .map(ApiViews::host).toList();
    }

    @Override
    public HostInfo host(String domain) {
        check(commands.ejbCaller(context.getCallerPrincipal()), "get_host_settings", hostArg(domain));
        return ApiViews.host(get(domain));
    }

    @Override
    public HostInfo createHost(String domain, String adminJid, String adminPassword) {
        Map<String, Object> args = hostArg(domain);
        args.put("admin", adminJid);
        args.put("password", adminPassword);
        check(commands.ejbCaller(context.getCallerPrincipal()), "add_host", args);
        return ApiViews.host(create(domain, adminJid, adminPassword));
    }

    @Override
    public HostInfo updateHost(HostInfo settings) {
        if (settings == null) {
            throw new AccountException(Reason.INVALID, "settings are required");
        }
        Caller caller = commands.ejbCaller(context.getCallerPrincipal());
        check(caller, "get_host_settings", hostArg(settings.domain()));
        HostSettings current = get(settings.domain());
        HostSettings next = ApiViews.settings(current, settings);
        HostCommands.authorizeChanges(commands.registry(), caller, current, next);
        return ApiViews.host(update(next));
    }

    @Override
    public void removeHost(String domain) {
        check(commands.ejbCaller(context.getCallerPrincipal()), "remove_host", hostArg(domain));
        remove(domain);
    }

    /** The command's policy for the EJB caller; a refusal names this interface's parameters (domain, admin.jid). */
    private void check(Caller caller, String command, Map<String, Object> args) {
        try {
            commands.authorize(caller, command, args);
        } catch (ParleyException e) {
            String field = e.field() == null ? null : switch (e.field()) {
                case "host" -> "domain";
                case "admin" -> "admin.jid";
                case "password" -> "admin.password";
                default -> e.field();
            };
            throw new CommandRefused(e.code(), e.getMessage(), field);
        }
    }

    private static Map<String, Object> hostArg(String domain) {
        Map<String, Object> args = new HashMap<>();
        args.put("host", domain);
        return args;
    }

    /** The admin account is checked before the domain is added, so a refusal leaves nothing behind. */
    @Override
    public HostSettings create(String domain, String adminJid, String adminPassword) {
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
        return added;
    }

    @Override
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
