package org.parley.application.command;

import org.parley.api.RosterItemInfo;
import org.parley.api.RosterOperations;
import org.xmpp.packet.JID;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.parley.application.command.AccountCommands.HOST;
import static org.parley.application.command.AccountCommands.USER;
import static org.parley.application.command.AdminCommand.account;
import static org.parley.application.command.Arg.optional;
import static org.parley.application.command.Arg.required;
import static org.parley.application.command.ArgType.STRING;

/** Roster provisioning (ejabberdctl's get_roster, add_rosteritem, delete_rosteritem). */
final class RosterCommands {
    private static final Arg LOCAL_USER = required("localuser", STRING, "local part of the roster's owner");
    private static final Arg LOCAL_HOST = required("localhost", STRING, "domain of the roster's owner");
    private static final Arg CONTACT_USER = required("user", STRING, "local part of the contact");
    private static final Arg CONTACT_HOST = required("host", STRING, "domain of the contact");

    private RosterCommands() {
    }

    static List<AdminCommand> of(RosterOperations rosters) {
        return List.of(
                new AdminCommand("get_roster", "The roster items of an account", List.of(USER, HOST),
                        ResultType.OBJECTS, Policy.SELF_OR_DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> rosters.rosterItems(a.account("user", "host").toBareJID()).stream()
                                .map(RosterCommands::info).toList()),
                new AdminCommand("add_rosteritem", "Add or change a contact in an account's roster"
                        + " (pushed to its online clients)",
                        List.of(LOCAL_USER, LOCAL_HOST, CONTACT_USER, CONTACT_HOST,
                                optional("nick", STRING, "the contact's name"),
                                optional("group", STRING, "groups, separated by ';'"),
                                optional("subs", STRING, "subscription: none, to, from or both")),
                        ResultType.OBJECT, Policy.SELF_OR_DOMAIN_ADMIN, account("localuser", "localhost"),
                        "localuser", (a, c) -> info(rosters.setRosterItem(
                                a.account("localuser", "localhost").toBareJID(), contact(a).toBareJID(),
                                a.string("nick"), groups(a.string("group")), a.string("subs")))),
                new AdminCommand("delete_rosteritem", "Remove a contact from an account's roster;"
                        + " false when it had none",
                        List.of(LOCAL_USER, LOCAL_HOST, CONTACT_USER, CONTACT_HOST), ResultType.BOOLEAN,
                        Policy.SELF_OR_DOMAIN_ADMIN, account("localuser", "localhost"), "localuser",
                        (a, c) -> rosters.removeRosterItem(a.account("localuser", "localhost").toBareJID(),
                                contact(a).toBareJID())));
    }

    private static JID contact(Args a) {
        return a.account("user", "host");
    }

    private static List<String> groups(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(";")).map(String::strip)
                .filter(g -> !g.isEmpty()).distinct().toList();
    }

    static Map<String, Object> info(RosterItemInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", i.jid());
        m.put("name", i.name());
        m.put("groups", i.groups());
        m.put("subscription", i.subscription());
        m.put("ask", i.askSubscribe());
        return m;
    }
}
