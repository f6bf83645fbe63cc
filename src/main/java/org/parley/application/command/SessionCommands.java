package org.parley.application.command;

import org.parley.api.SessionInfo;
import org.parley.application.AccountService;
import org.xmpp.packet.JID;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.parley.application.command.AccountCommands.HOST;
import static org.parley.application.command.AccountCommands.USER;
import static org.parley.application.command.AdminCommand.account;
import static org.parley.application.command.AdminCommand.domain;
import static org.parley.application.command.Arg.optional;
import static org.parley.application.command.Arg.required;
import static org.parley.application.command.ArgType.STRING;

/** Session commands (ejabberdctl's connected_users, connected_users_number, kick_session, kick_user, ...). */
final class SessionCommands {
    private static final Arg ANY_HOST = optional("host", STRING,
            "the domain (default: the caller's; the system without it: every domain)");

    private SessionCommands() {
    }

    static List<AdminCommand> of(AccountService accounts) {
        return List.of(
                new AdminCommand("connected_users", "Full JIDs of the bound sessions of a domain", List.of(ANY_HOST),
                        ResultType.STRINGS, Policy.DOMAIN_ADMIN, domain("host"), "host",
                        (a, c) -> accounts.sessionList(a.domain("host")).stream().map(SessionInfo::jid).toList()),
                new AdminCommand("connected_users_number", "How many sessions of a domain are bound",
                        List.of(ANY_HOST), ResultType.INTEGER, Policy.DOMAIN_ADMIN, domain("host"), "host",
                        (a, c) -> (long) accounts.sessionList(a.domain("host")).size()),
                new AdminCommand("connected_users_info", "The bound sessions of a domain with their details",
                        List.of(ANY_HOST), ResultType.OBJECTS, Policy.DOMAIN_ADMIN, domain("host"), "host",
                        (a, c) -> accounts.sessionList(a.domain("host")).stream().map(SessionCommands::info).toList()),
                new AdminCommand("user_sessions_info", "The sessions of one account with their details",
                        List.of(USER, HOST), ResultType.OBJECTS, Policy.DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> accounts.sessionsOfAccount(a.account("user", "host").toBareJID()).stream()
                                .map(SessionCommands::info).toList()),
                new AdminCommand("user_resources", "The resources of an account's sessions", List.of(USER, HOST),
                        ResultType.STRINGS, Policy.DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> accounts.sessionsOfAccount(a.account("user", "host").toBareJID()).stream()
                                .map(s -> new JID(s.jid()).getResource()).toList()),
                new AdminCommand("kick_session", "End one session (resource) of an account; returns how many ended",
                        List.of(USER, HOST, required("resource", STRING, "the session's resource")),
                        ResultType.INTEGER, Policy.DOMAIN_ADMIN, account("user", "host"), "user", (a, c) -> {
                            JID bare = a.account("user", "host");
                            return accounts.endSession(new JID(bare.getNode(), bare.getDomain(),
                                    a.string("resource")).toString()) ? 1L : 0L;
                        }),
                new AdminCommand("kick_user", "End every session of an account; returns how many ended",
                        List.of(USER, HOST), ResultType.INTEGER, Policy.DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> (long) accounts.endSessions(a.account("user", "host").toBareJID())));
    }

    static Map<String, Object> info(SessionInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", s.jid());
        m.put("account", s.account());
        m.put("transport", s.transport());
        m.put("address", s.address());
        m.put("since", s.since());
        m.put("priority", (long) s.priority());
        m.put("available", s.available());
        m.put("secure", s.secure());
        return m;
    }
}
