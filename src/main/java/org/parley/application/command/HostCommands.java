package org.parley.application.command;

import org.parley.api.ParleyException;
import org.parley.api.ParleyException.Code;
import org.parley.application.HostAdministration;
import org.parley.application.HostSettingCatalog;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.parley.application.command.AdminCommand.domain;
import static org.parley.application.command.AdminCommand.server;
import static org.parley.application.command.Arg.optional;
import static org.parley.application.command.Arg.required;
import static org.parley.application.command.ArgType.PASSWORD;
import static org.parley.application.command.ArgType.STRING;

/**
 * Virtual hosts and their settings (ejabberdctl's registered_vhosts; add_host, remove_host, get_host_settings,
 * set_host_setting). Server administrators add and remove domains and manage every domain's settings; a domain's
 * administrators manage its settings, except those the setting's descriptor reserves to server administrators.
 */
public final class HostCommands {
    public static final String SET = "set_host_setting";
    private static final Arg DOMAIN = required("host", STRING, "the domain");

    private HostCommands() {
    }

    static List<AdminCommand> of(HostAdministration hosts) {
        return List.of(
                new AdminCommand("registered_vhosts", "The domains the server serves", List.of(),
                        ResultType.STRINGS, Policy.ANY_ADMIN, server(), null,
                        (a, c) -> hosts.list().stream().map(HostSettings::domain).toList()),
                new AdminCommand("add_host", "Serve a new domain with default settings, optionally with its first"
                        + " administrator account", List.of(DOMAIN,
                        optional("admin", STRING, "JID of the domain's first administrator account"),
                        optional("password", PASSWORD, "that account's password")),
                        ResultType.OK, Policy.SERVER_ADMIN, domain("host"), "host", (a, c) -> {
                            String d = hosts.create(a.domain("host"), a.string("admin"), a.string("password"))
                                    .domain();
                            return "Host " + d + " added";
                        }),
                new AdminCommand("remove_host", "Stop serving a domain (not the caller's own); its users are"
                        + " disconnected, its accounts stay stored", List.of(DOMAIN), ResultType.OK,
                        Policy.SERVER_ADMIN, domain("host"), "host", HostCommands::notOwnDomain, (a, c) -> {
                            hosts.remove(a.domain("host"));
                            return "Host " + a.domain("host") + " removed";
                        }),
                new AdminCommand("get_host_settings", "Every setting of a domain (docs/admin.md lists them)",
                        List.of(optional("host", STRING, "the domain (default: the caller's)")), ResultType.OBJECT, Policy.DOMAIN_OR_SERVER_ADMIN,
                        domain("host"), "host",
                        (a, c) -> HostSettingCatalog.toPlain(hosts.get(AccountCommands.host(a)))),
                new AdminCommand(SET, "Change one setting of a domain; it is checked by the setting's rules and"
                        + " some are for server administrators only", List.of(DOMAIN,
                        required("name", STRING, "the setting (get_host_settings lists them)"),
                        optional("value", ArgType.TEXT, "its new value as text (a list: one URI per line or"
                                + " separated by spaces); left out, the setting returns to its default")),
                        ResultType.OK, Policy.DOMAIN_OR_SERVER_ADMIN, domain("host"), "host",
                        HostCommands::mayChange, (a, c) -> {
                            String d = a.domain("host");
                            HostSetting<?> s = setting(a);
                            hosts.update(withValue(hosts.get(d), s, a.string("value")));
                            return s.name() + " of " + d + " set";
                        }));
    }

    private static void notOwnDomain(Args a, Caller c) {
        if (a.domain("host").equals(c.domain())) {
            throw new CommandRefused(Code.NOT_ALLOWED,
                    "cannot remove the domain of the account you are authenticated with", "host");
        }
    }

    /** The guard of set_host_setting: a known setting, a value its rules allow, and who may change it. */
    private static void mayChange(Args a, Caller c) {
        HostSetting<?> s = setting(a);
        withValue(HostSettings.defaults(a.domain("host")), s, a.string("value"));
        if (s.changer() == HostSetting.Changer.SERVER_ADMIN
                && !Policy.SERVER_ADMIN.allows(c, Target.domain(a.domain("host")))) {
            throw CommandRefused.forbidden(s.name() + " is changed by server administrators only", "name");
        }
    }

    private static HostSetting<?> setting(Args a) {
        return HostSettingCatalog.byName(a.string("name")).orElseThrow(() ->
                CommandRefused.invalid(a.string("name") + " is not a setting", "name"));
    }

    /** {@code current} with {@code s} set from its text (null: the default); INVALID naming "value". */
    private static <T> HostSettings withValue(HostSettings current, HostSetting<T> s, String text) {
        try {
            T value = text == null ? s.defaultValue() : s.type().parse(text);
            String problem = s.type().problem(value);
            if (problem != null) {
                throw CommandRefused.invalid(s.name() + " " + problem, "value");
            }
            return current.with(s, value);
        } catch (IllegalArgumentException e) {
            throw CommandRefused.invalid(s.name() + " " + e.getMessage(), "value");
        }
    }

    /**
     * Checks a change of several settings at once (a REST PUT, the console form, {@code HostOperations.updateHost})
     * as one set_host_setting call per setting that changes, before the channel stores them together; a refusal
     * names the setting.
     */
    public static void authorizeChanges(CommandRegistry registry, Caller caller, HostSettings before,
                                        HostSettings after) {
        registry.authorize(caller, "get_host_settings", Map.of("host", after.domain()));
        for (HostSetting<?> s : HostSettingCatalog.changed(before, after)) {
            Map<String, Object> args = new HashMap<>();
            args.put("host", after.domain());
            args.put("name", s.name());
            args.put("value", text(after, s));
            try {
                registry.authorize(caller, SET, args);
            } catch (ParleyException e) {
                throw new CommandRefused(e.code(), e.getMessage(), s.name());
            }
        }
    }

    private static <T> String text(HostSettings settings, HostSetting<T> s) {
        return s.type().format(settings.get(s));
    }
}
