package org.parley.application.command;

import org.parley.api.AccountOperations;
import org.parley.api.UserChanges;
import org.parley.api.UserInfo;
import org.parley.application.AccountService;
import org.parley.application.PasswordCheck;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.parley.application.command.AdminCommand.account;
import static org.parley.application.command.AdminCommand.domain;
import static org.parley.application.command.Arg.optional;
import static org.parley.application.command.Arg.required;
import static org.parley.application.command.ArgType.BOOLEAN;
import static org.parley.application.command.ArgType.PASSWORD;
import static org.parley.application.command.ArgType.STRING;

/** Account commands (ejabberdctl's register, unregister, change_password, check_account, ban_account, ...). */
final class AccountCommands {
    static final Arg USER = required("user", STRING, "local part of the account");
    static final Arg HOST = required("host", STRING, "domain of the account");

    private AccountCommands() {
    }

    static List<AdminCommand> of(AccountService accounts) {
        return List.of(
                new AdminCommand("register", "Create an account",
                        List.of(USER, HOST, required("password", PASSWORD, "its password"),
                                optional("admin", BOOLEAN, "make it an administrator of its domain (default false)")),
                        ResultType.OK, Policy.DOMAIN_ADMIN, account("user", "host"), "user", (a, c) -> {
                            JID jid = a.account("user", "host");
                            accounts.register(jid.toBareJID(), a.string("password"), Boolean.TRUE.equals(a.bool("admin")));
                            return "User " + jid.toBareJID() + " successfully registered";
                        }),
                new AdminCommand("unregister", "Delete an account; its sessions end", List.of(USER, HOST),
                        ResultType.OK, Policy.DOMAIN_ADMIN_NOT_SELF, account("user", "host"), "user", (a, c) -> {
                            JID jid = a.account("user", "host");
                            accounts.unregister(jid.toBareJID());
                            return "User " + jid.toBareJID() + " unregistered";
                        }),
                new AdminCommand("change_password", "Change the password of an account",
                        List.of(USER, HOST, required("newpass", PASSWORD, "the new password")), ResultType.OK,
                        Policy.SELF_OR_DOMAIN_ADMIN, account("user", "host"), "user", (a, c) -> {
                            JID jid = a.account("user", "host");
                            accounts.changePassword(jid.toBareJID(), a.string("newpass"));
                            return "Password of " + jid.toBareJID() + " changed";
                        }),
                new AdminCommand("check_account", "Whether the account exists", List.of(USER, HOST),
                        ResultType.BOOLEAN, Policy.DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> accounts.find(a.account("user", "host")).isPresent()),
                new AdminCommand("check_password", "Whether the password is the account's (and it is enabled)",
                        List.of(USER, HOST, required("password", PASSWORD, "the password to check")),
                        ResultType.BOOLEAN, Policy.DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> PasswordCheck.check(accounts.find(a.account("user", "host")), a.string("password"))
                                == PasswordCheck.Outcome.OK),
                new AdminCommand("user_info", "The account's state: jid, enabled, admin, created", List.of(USER, HOST),
                        ResultType.OBJECT, Policy.DOMAIN_ADMIN, account("user", "host"), "user",
                        (a, c) -> info(accounts.info(a.account("user", "host").toBareJID()))),
                new AdminCommand("ban_account", "Disable an account; its sessions end", List.of(USER, HOST),
                        ResultType.OK, Policy.DOMAIN_ADMIN_NOT_SELF, account("user", "host"), "user", (a, c) -> {
                            JID jid = a.account("user", "host");
                            accounts.setEnabled(jid.toBareJID(), false);
                            return "User " + jid.toBareJID() + " disabled";
                        }),
                new AdminCommand("unban_account", "Enable a disabled account", List.of(USER, HOST),
                        ResultType.OK, Policy.DOMAIN_ADMIN, account("user", "host"), "user", (a, c) -> {
                            JID jid = a.account("user", "host");
                            accounts.setEnabled(jid.toBareJID(), true);
                            return "User " + jid.toBareJID() + " enabled";
                        }),
                new AdminCommand("update_account", "Change password, admin flag and enabled state at once"
                        + " (not disabling or demoting your own account)",
                        List.of(USER, HOST, optional("password", PASSWORD, "a new password"),
                                optional("admin", BOOLEAN, "the admin flag"),
                                optional("enabled", BOOLEAN, "false disables the account and ends its sessions")),
                        ResultType.OBJECT, Policy.DOMAIN_ADMIN, account("user", "host"), "user", (a, c) -> {
                            if (Boolean.FALSE.equals(a.bool("admin")) || Boolean.FALSE.equals(a.bool("enabled"))) {
                                Policy.guardSelf(c, Target.account(a.account("user", "host")),
                                        Boolean.FALSE.equals(a.bool("admin")) ? "admin" : "enabled");
                            }
                        }, (a, c) -> {
                            JID jid = a.account("user", "host");
                            return info(accounts.update(jid.toBareJID(),
                                    new UserChanges(a.string("password"), a.bool("admin"), a.bool("enabled"))));
                        }),
                new AdminCommand("registered_users", "Account JIDs of a domain",
                        List.of(optional("host", STRING, "the domain (default: the caller's)")), ResultType.STRINGS,
                        Policy.DOMAIN_ADMIN, domain("host"), "host",
                        (a, c) -> registered(accounts, host(a))));
    }

    static Map<String, Object> info(UserInfo u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", u.jid());
        m.put("enabled", u.enabled());
        m.put("admin", u.admin());
        m.put("created", u.created());
        return m;
    }

    /** The host argument of a domain command; only the system may leave it out, and then it is required. */
    static String host(Args a) {
        String d = a.domain("host");
        if (d == null) {
            throw CommandRefused.invalid("host is required", "host");
        }
        return d;
    }

    private static List<String> registered(AccountService accounts, String domain) {
        List<String> all = new ArrayList<>();
        int page = AccountOperations.MAX_PAGE;
        for (int offset = 0; ; offset += page) {
            List<UserInfo> users = accounts.page(domain, offset, page);
            users.forEach(u -> all.add(u.jid()));
            if (users.size() < page) {
                return all;
            }
        }
    }
}
