package org.parley.application.command;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.parley.api.CommandInfo;
import org.parley.api.CommandOperations;
import org.parley.api.ParleyException;
import org.parley.application.AccountService;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The command registry as an EJB business interface for host applications (docs/ejb.md). */
@Stateless
@Local(CommandOperations.class)
// each command's services run their own transactions, as on the other channels
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandService implements CommandOperations {
    @Inject
    Commands commands;

    @EJB
    AccountService accounts;

    @Resource
    SessionContext context;

    @Override
    public List<CommandInfo> commands() {
        return commands.all().stream().map(CommandService::info).toList();
    }

    @Override
    public Object run(String name, Map<String, ?> args) {
        return commands.run(commands.ejbCaller(context.getCallerPrincipal()), name, args);
    }

    @Override
    public Object runAs(String accountJid, String name, Map<String, ?> args) {
        JID jid = AccountService.bare(accountJid);
        Caller caller = accounts.find(jid).filter(a -> a.isEnabled())
                .map(a -> Caller.account(jid, a.isAdmin()))
                .orElseThrow(() -> new CommandRefused(ParleyException.Code.FORBIDDEN,
                        "no enabled account " + jid, "accountJid"));
        return commands.run(caller, name, args);
    }

    static CommandInfo info(AdminCommand c) {
        return new CommandInfo(c.name(), c.description(), c.args().stream()
                .map(a -> new CommandInfo.Argument(a.name(), a.type().jsonName(), a.description(), a.optional()))
                .toList(), c.result().jsonName(), c.policy().name().toLowerCase(Locale.ROOT), c.policy().description());
    }
}
