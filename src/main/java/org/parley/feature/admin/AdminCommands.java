package org.parley.feature.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.application.command.CommandRegistry;
import org.parley.application.command.Commands;
import org.parley.application.command.CommandArgs;
import org.parley.feature.adhoc.AdHocCommand;
import org.parley.feature.adhoc.CommandProvider;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Map;

/**
 * The XEP-0133 service administration commands: forms over the admin command registry, which checks the
 * policy (administrators of the domain the command is sent to; never on one's own account where it says so)
 * and runs the operation.
 */
@ApplicationScoped
public class AdminCommands implements CommandProvider {
    @Inject
    Commands commands;

    @Override
    public List<AdHocCommand> commands() {
        return of(commands.registry());
    }

    static List<AdHocCommand> of(CommandRegistry registry) {
        RegistryCalls calls = new RegistryCalls(registry);
        UserListCommand.Lister online = (call, max) -> ((List<?>) calls.run(call, "connected_users", Map.of()))
                .stream().map(j -> new JID((String) j).toBareJID()).distinct().limit(max).toList();
        return List.of(
                new AddUserCommand(calls),
                new AccountsCommand("delete-user", "Delete users", "Deleting users", "The Jabber ID(s) to delete",
                        calls, AccountsCommand.Target.ACCOUNTS, perAccount("unregister", "Deleted ")),
                new AccountsCommand("disable-user", "Disable users", "Disabling users",
                        "The Jabber ID(s) to disable", calls, AccountsCommand.Target.ACCOUNTS,
                        perAccount("ban_account", "Disabled ")),
                new AccountsCommand("reenable-user", "Re-enable users", "Re-enabling users",
                        "The Jabber ID(s) to re-enable", calls, AccountsCommand.Target.ACCOUNTS,
                        perAccount("unban_account", "Re-enabled ")),
                new AccountsCommand("end-user-session", "End user sessions", "Ending user sessions",
                        "The Jabber ID(s) for which to end sessions", calls, AccountsCommand.Target.SESSIONS,
                        new EndSessions()),
                new ChangePasswordCommand(calls),
                new CountCommand("get-registered-users-num", "Get the number of registered users",
                        "registeredusersnum", "The number of registered users", calls, "registeredusers"),
                new CountCommand("get-online-users-num", "Get the number of online users", "onlineusersnum",
                        "The number of online users", calls, "onlineusers"),
                new UserListCommand("get-registered-users-list", "Get the list of registered users",
                        "Requesting the list of registered users", "registereduserjids",
                        "The list of all users", (call, max) -> ((List<?>) calls.run(call, "registered_users",
                        Map.of())).stream().map(String.class::cast).limit(max).toList()),
                new UserListCommand("get-online-users-list", "Get the list of online users",
                        "Requesting the list of online users", "onlineuserjids", "The list of all online users",
                        online),
                // the node name of earlier XEP-0133 versions, still asked for by some clients
                new UserListCommand("get-online-users", "Get the list of online users (older node)",
                        "Requesting the list of online users", "onlineuserjids", "The list of all online users",
                        online),
                new AnnounceCommand(calls),
                new MotdCommand(MotdCommand.Kind.SET, calls),
                new MotdCommand(MotdCommand.Kind.EDIT, calls),
                new MotdCommand(MotdCommand.Kind.DELETE, calls));
    }

    /** One admin command per account (bare JID), noted as "Deleted alice@example.org". */
    private static AccountsCommand.Operation perAccount(String command, String done) {
        return new AccountsCommand.Operation() {
            @Override
            public String command(JID jid) {
                return command;
            }

            @Override
            public Map<String, Object> args(JID jid) {
                return CommandArgs.account(jid);
            }

            @Override
            public String note(JID jid, Object result) {
                return done + jid.toBareJID();
            }
        };
    }

    /** XEP-0133 §4.19: a full JID ends that session (kick_session), a bare JID all of them (kick_user). */
    private static final class EndSessions implements AccountsCommand.Operation {
        @Override
        public String command(JID jid) {
            return jid.getResource() == null ? "kick_user" : "kick_session";
        }

        @Override
        public Map<String, Object> args(JID jid) {
            Map<String, Object> args = CommandArgs.account(jid);
            if (jid.getResource() != null) {
                args.put("resource", jid.getResource());
            }
            return args;
        }

        @Override
        public String note(JID jid, Object ended) {
            return "Ended " + ended + " session(s) of " + jid;
        }
    }
}
