package org.parley.it.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every admin command whose policy is about a domain, with arguments aimed at an account ({@code user}) of the
 * test domain, in the order the command declares them (so the CLI can pass them positionally), and the host
 * commands of server administrators. An administrator of another domain must be refused every one of them, on
 * every channel.
 */
public final class ForeignCommands {
    private ForeignCommands() {
    }

    /** A command call: name and arguments in declared order. */
    public record Call(String name, Map<String, Object> args) {
        /** The arguments as a JSON object (string, boolean and number values). */
        public String json() {
            return args.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s
                    ? "\"" + s + "\"" : e.getValue())).collect(Collectors.joining(",", "{", "}"));
        }

        /** The arguments as parleyctl takes them. */
        public List<String> positional() {
            return args.values().stream().map(String::valueOf).toList();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Call call(String name, Object... keysAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Call(name, args);
    }

    /** @param user an existing account's local part on {@code domain} */
    public static List<Call> on(String domain, String user) {
        String jid = user + "@" + domain;
        return List.of(
                call("register", "user", "never", "host", domain, "password", "pw-never"),
                call("unregister", "user", user, "host", domain),
                call("change_password", "user", user, "host", domain, "newpass", "stolen"),
                call("check_account", "user", user, "host", domain),
                call("check_password", "user", user, "host", domain, "password", "guess"),
                call("user_info", "user", user, "host", domain),
                call("ban_account", "user", user, "host", domain),
                call("unban_account", "user", user, "host", domain),
                call("update_account", "user", user, "host", domain, "password", "stolen"),
                call("registered_users", "host", domain),
                call("connected_users", "host", domain),
                call("connected_users_number", "host", domain),
                call("connected_users_info", "host", domain),
                call("user_sessions_info", "user", user, "host", domain),
                call("user_resources", "user", user, "host", domain),
                call("kick_session", "user", user, "host", domain, "resource", "phone"),
                call("kick_user", "user", user, "host", domain),
                call("announce", "body", "hello", "host", domain),
                call("get_motd", "host", domain),
                call("set_motd", "body", "motd", "host", domain),
                call("delete_motd", "host", domain),
                call("get_roster", "user", user, "host", domain),
                call("add_rosteritem", "localuser", user, "localhost", domain, "user", "bob", "host", domain),
                call("delete_rosteritem", "localuser", user, "localhost", domain, "user", "bob", "host", domain),
                call("stats_host", "name", "registeredusers", "host", domain),
                call("send_message", "from", jid, "to", jid, "type", "chat", "subject", "s", "body", "b"),
                call("get_host_settings", "host", domain),
                call("set_host_setting", "host", domain, "name", "maxOfflineMessages", "value", "0"),
                call("add_host", "host", "never." + domain),
                call("remove_host", "host", domain));
    }
}
