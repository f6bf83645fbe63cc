package org.parley.application.command;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.AnnouncementOperations;
import org.parley.api.MessageOperations;
import org.parley.api.RosterOperations;
import org.parley.application.AccountService;
import org.parley.application.HostService;
import org.parley.api.ParleyException;
import org.parley.xmpp.spi.HostSettings;

import java.lang.management.ManagementFactory;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/** The server's command registry over its EJBs, for the channels to inject. */
@ApplicationScoped
public class Commands {
    @EJB
    AccountService accounts;
    @EJB(beanName = "AnnouncementService")
    AnnouncementOperations announcements;
    @EJB(beanName = "RosterProvisioning")
    RosterOperations rosters;
    @EJB(beanName = "MessageService")
    MessageOperations messages;
    @EJB
    HostService hosts;

    private CommandRegistry registry;

    @PostConstruct
    void build() {
        registry = ParleyCommands.registry(new CommandServices(accounts, announcements, rosters, messages, hosts,
                () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000));
    }

    public CommandRegistry registry() {
        return registry;
    }

    public List<AdminCommand> all() {
        return registry.all();
    }

    public Object run(Caller caller, String name, Map<String, ?> args) {
        return registry.run(caller, name, args);
    }

    public Args authorize(Caller caller, String name, Map<String, ?> args) {
        return registry.authorize(caller, name, args);
    }

    /** Whether {@code caller} may make this call (what a page or listing offers); nothing runs. */
    public boolean may(Caller caller, String name, Map<String, ?> args) {
        try {
            registry.authorize(caller, name, args);
            return true;
        } catch (ParleyException e) {
            return false;
        }
    }

    /**
     * Changes several settings of a domain at once (REST PUT, the console form): each changed setting is checked
     * as a set_host_setting call ({@link HostCommands#authorizeChanges}), then all are stored together.
     */
    public HostSettings updateHost(Caller caller, HostSettings next) {
        registry.authorize(caller, "get_host_settings", Map.of("host", next.domain()));
        HostCommands.authorizeChanges(registry, caller, hosts.get(next.domain()), next);
        return hosts.update(next);
    }

    /**
     * Checks a call of an org.parley.api business interface: the command's policy for the account the EJB call
     * is authenticated as, or for the system when it has no Parley identity ({@link EjbCaller}).
     */
    public void authorize(Principal ejbCaller, String name, Map<String, ?> args) {
        registry.authorize(ejbCaller(ejbCaller), name, args);
    }

    public Caller ejbCaller(Principal principal) {
        return EjbCaller.of(principal, jid -> accounts.find(jid).map(a -> a.isEnabled() && a.isAdmin()));
    }
}
