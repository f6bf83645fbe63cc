package org.parley.feature.adhoc;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.parley.application.AccountService;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.JID;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * XEP-0050 ad-hoc commands at the served domains. Commands come from every {@link CommandProvider} bean; who
 * may run them is decided per request from the account's current admin flag.
 */
@ApplicationScoped
public class AdHocModule implements Module {
    private static final Logger LOG = Logger.getLogger(AdHocModule.class.getName());

    @Inject
    @Any
    Instance<CommandProvider> providers;

    @EJB
    AccountService accounts;

    private CommandDispatcher dispatcher;

    @Override
    public String name() {
        return "adhoc";
    }

    @Override
    public void start(ModuleContext ctx) {
        dispatcher = new CommandDispatcher(new CommandSessions(), this::isAdmin);
        for (CommandProvider p : providers) {
            p.commands().forEach(dispatcher::register);
        }
        ctx.iq(IqScope.HOST, CommandXml.NS, (iq, origin) -> dispatcher.handle(iq));
        ctx.disco().serverFeature(CommandXml.NS);
        ctx.disco().nodeItems(CommandXml.NS, dispatcher::items);
    }

    private boolean isAdmin(JID bare) {
        try {
            return accounts.find(bare).map(a -> a.isAdmin() && a.isEnabled()).orElse(false);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "admin lookup failed for " + bare, e);
            return false;
        }
    }
}
