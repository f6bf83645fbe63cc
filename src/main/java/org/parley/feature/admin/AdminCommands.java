package org.parley.feature.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.application.AccountService;
import org.parley.domain.account.Account;
import org.parley.feature.adhoc.AdHocCommand;
import org.parley.feature.adhoc.CommandProvider;
import org.parley.feature.announce.AnnouncementService;
import org.parley.xmpp.spi.ClientSessionView;

import java.util.List;

/**
 * The XEP-0133 service administration commands, all thin over the account and announcement services. Only
 * administrators of the domain the command is sent to may list or run them (see {@link AdminPolicy}).
 */
@ApplicationScoped
public class AdminCommands implements CommandProvider {
    @EJB
    AccountService accounts;

    @EJB
    AnnouncementService announcements;

    @Override
    public List<AdHocCommand> commands() {
        return of(accounts, announcements);
    }

    static List<AdHocCommand> of(AccountService accounts, AnnouncementService announcements) {
        UserListCommand.Lister online = (domain, max) -> onlineUsers(accounts, domain).stream().limit(max).toList();
        return List.of(
                new AddUserCommand(accounts),
                new AccountsCommand("delete-user", "Delete users", "Deleting users", "The Jabber ID(s) to delete",
                        true, jid -> {
                            accounts.unregister(jid.toBareJID());
                            return "Deleted " + jid.toBareJID();
                        }),
                new AccountsCommand("disable-user", "Disable users", "Disabling users",
                        "The Jabber ID(s) to disable", true, jid -> {
                            accounts.setEnabled(jid.toBareJID(), false);
                            return "Disabled " + jid.toBareJID();
                        }),
                new AccountsCommand("reenable-user", "Re-enable users", "Re-enabling users",
                        "The Jabber ID(s) to re-enable", false, jid -> {
                            accounts.setEnabled(jid.toBareJID(), true);
                            return "Re-enabled " + jid.toBareJID();
                        }),
                new AccountsCommand("end-user-session", "End user sessions", "Ending user sessions",
                        "The Jabber ID(s) for which to end sessions", false, AccountsCommand.Target.SESSIONS,
                        jid -> "Ended " + accounts.kick(jid.toString()) + " session(s) of " + jid),
                new ChangePasswordCommand(accounts),
                new CountCommand("get-registered-users-num", "Get the number of registered users",
                        "registeredusersnum", "The number of registered users", accounts::count),
                new CountCommand("get-online-users-num", "Get the number of online users", "onlineusersnum",
                        "The number of online users", domain -> onlineUsers(accounts, domain).size()),
                new UserListCommand("get-registered-users-list", "Get the list of registered users",
                        "Requesting the list of registered users", "registereduserjids",
                        "The list of all users", (domain, max) -> accounts.list(domain, 0, max).stream()
                        .map(Account::jid).toList()),
                new UserListCommand("get-online-users-list", "Get the list of online users",
                        "Requesting the list of online users", "onlineuserjids", "The list of all online users",
                        online),
                // the node name of earlier XEP-0133 versions, still asked for by some clients
                new UserListCommand("get-online-users", "Get the list of online users (older node)",
                        "Requesting the list of online users", "onlineuserjids", "The list of all online users",
                        online),
                new AnnounceCommand(announcements),
                new MotdCommand(MotdCommand.Kind.SET, announcements),
                new MotdCommand(MotdCommand.Kind.EDIT, announcements),
                new MotdCommand(MotdCommand.Kind.DELETE, announcements));
    }

    /** Distinct bare JIDs with at least one bound session (XEP-0133's "online user"). */
    private static List<String> onlineUsers(AccountService accounts, String domain) {
        return accounts.onlineSessions(domain).stream().map(ClientSessionView::jid)
                .map(j -> j.toBareJID()).distinct().toList();
    }
}
