package org.parley.application.command;

import org.parley.application.AccountService;
import org.xmpp.packet.JID;

import java.util.HashMap;
import java.util.Map;

/** Argument maps as channels build them for the registry: an account's user and host, plus named values. */
public final class CommandArgs {
    private CommandArgs() {
    }

    /** {@code user} and {@code host} of a JID (its resource is dropped), then keys and values, in pairs. */
    public static Map<String, Object> account(JID jid, Object... keysAndValues) {
        Map<String, Object> args = new HashMap<>();
        args.put("user", jid.getNode());
        args.put(CommandRegistry.HOST, jid.getDomain());
        return with(args, keysAndValues);
    }

    /** The same for a JID as text (INVALID when it is none). */
    public static Map<String, Object> account(String jid, Object... keysAndValues) {
        return account(AccountService.bare(jid), keysAndValues);
    }

    /** {@code host}, then keys and values, in pairs. */
    public static Map<String, Object> domain(String domain, Object... keysAndValues) {
        Map<String, Object> args = new HashMap<>();
        args.put(CommandRegistry.HOST, domain);
        return with(args, keysAndValues);
    }

    private static Map<String, Object> with(Map<String, Object> args, Object... keysAndValues) {
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return args;
    }
}
