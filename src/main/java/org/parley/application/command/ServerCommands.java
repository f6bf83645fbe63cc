package org.parley.application.command;

import org.parley.api.SessionInfo;
import org.parley.application.AccountService;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Locale;

import static org.parley.application.command.AdminCommand.domain;
import static org.parley.application.command.AdminCommand.server;
import static org.parley.application.command.Arg.optional;
import static org.parley.application.command.Arg.required;
import static org.parley.application.command.ArgType.STRING;

/** Server state (ejabberdctl's status, stats, stats_host) and messages (send_message). */
final class ServerCommands {
    static final List<String> STATS = List.of("registeredusers", "onlineusers", "onlineusersnode", "uptimeseconds");
    static final List<String> HOST_STATS = List.of("registeredusers", "onlineusers");

    private ServerCommands() {
    }

    static List<AdminCommand> of(CommandServices s) {
        return List.of(
                new AdminCommand("status", "Whether the server is running", List.of(), ResultType.STRING,
                        Policy.ANY_ADMIN, server(), null, (a, c) -> "Parley is running in that node"),
                new AdminCommand("stats", "A server-wide figure: " + String.join(", ", STATS),
                        List.of(required("name", STRING, "the statistic")), ResultType.INTEGER, Policy.ANY_ADMIN,
                        server(), null, (a, c) -> stat(s, a.string("name"))),
                new AdminCommand("stats_host", "A figure of one domain: " + String.join(", ", HOST_STATS),
                        List.of(required("name", STRING, "the statistic"),
                                optional("host", STRING, "the domain (default: the caller's)")),
                        ResultType.INTEGER, Policy.DOMAIN_ADMIN, domain("host"), "host",
                        (a, c) -> hostStat(s.accounts(), a.string("name"), AccountCommands.host(a))),
                new AdminCommand("send_message", "Route a message as if the sender's client had sent it",
                        List.of(required("from", STRING, "sender JID (of a served domain)"),
                                required("to", STRING, "recipient JID"),
                                optional("type", STRING, "chat (default), normal or headline"),
                                optional("subject", STRING, "a subject"), required("body", STRING, "the text")),
                        ResultType.STRING, Policy.DOMAIN_ADMIN, a -> Target.domain(domainOf(a.string("from"))),
                        "from", (a, c) -> s.messages().sendMessage(a.string("from"), a.string("to"),
                        a.string("type"), a.string("subject"), a.string("body"))));
    }

    /** The domain of a sender address (a domain JID sends as the server). */
    private static String domainOf(String jid) {
        try {
            return new JID(jid.trim()).getDomain();
        } catch (IllegalArgumentException e) {
            throw CommandRefused.invalid("not a valid JID: " + jid, "from");
        }
    }

    private static long stat(CommandServices s, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "registeredusers" -> s.domains().stream().mapToLong(s.accounts()::count).sum();
            case "onlineusers" -> online(s.accounts().sessionList(null));
            case "onlineusersnode" -> s.accounts().sessionList(null).size();
            case "uptimeseconds" -> s.uptimeSeconds().getAsLong();
            default -> throw CommandRefused.invalid("name is one of " + String.join(", ", STATS), "name");
        };
    }

    private static long hostStat(AccountService accounts, String name, String domain) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "registeredusers" -> accounts.count(domain);
            case "onlineusers" -> online(accounts.sessionList(domain));
            default -> throw CommandRefused.invalid("name is one of " + String.join(", ", HOST_STATS), "name");
        };
    }

    /** Distinct accounts with at least one bound session. */
    private static long online(List<SessionInfo> sessions) {
        return sessions.stream().map(SessionInfo::account).distinct().count();
    }
}
