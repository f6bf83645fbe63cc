package org.parley.application.command;

import org.parley.api.AnnouncementOperations;

import java.util.List;

import static org.parley.application.command.AdminCommand.domain;
import static org.parley.application.command.Arg.optional;
import static org.parley.application.command.Arg.required;
import static org.parley.application.command.ArgType.STRING;

/** Announcements and the message of the day of a domain (ejabberd's mod_announce). */
final class AnnouncementCommands {
    private static final Arg HOST = optional("host", STRING, "the domain (default: the caller's)");

    private AnnouncementCommands() {
    }

    static List<AdminCommand> of(AnnouncementOperations announcements) {
        return List.of(
                new AdminCommand("announce", "Send a headline to every available session of a domain;"
                        + " returns how many got it",
                        List.of(required("body", STRING, "the text"), HOST,
                                optional("subject", STRING, "a subject")),
                        ResultType.INTEGER, Policy.DOMAIN_ADMIN, domain("host"), "host",
                        (a, c) -> (long) announcements.announce(AccountCommands.host(a), a.string("subject"),
                                a.string("body"))),
                new AdminCommand("get_motd", "The message of the day of a domain (empty when none)",
                        List.of(HOST), ResultType.STRING, Policy.DOMAIN_ADMIN, domain("host"), "host", (a, c) -> {
                            String motd = announcements.motd(AccountCommands.host(a));
                            return motd == null ? "" : motd;
                        }),
                new AdminCommand("set_motd", "Set the message of the day, sent to each user at login",
                        List.of(required("body", STRING, "the text"), HOST), ResultType.OK, Policy.DOMAIN_ADMIN,
                        domain("host"), "host", (a, c) -> {
                            String d = AccountCommands.host(a);
                            if (a.string("body").isBlank()) {
                                throw CommandRefused.invalid("body is empty (delete_motd removes the message)",
                                        "body");
                            }
                            announcements.setMotd(d, a.string("body"));
                            return "Message of the day of " + d + " set";
                        }),
                new AdminCommand("delete_motd", "Remove the message of the day of a domain", List.of(HOST),
                        ResultType.OK, Policy.DOMAIN_ADMIN, domain("host"), "host", (a, c) -> {
                            String d = AccountCommands.host(a);
                            announcements.setMotd(d, null);
                            return "Message of the day of " + d + " deleted";
                        }));
    }
}
