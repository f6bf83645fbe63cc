package org.parley.interfaces.console;

import org.xmpp.packet.JID;

import java.util.HashMap;
import java.util.Map;

/** Arguments of the admin commands the console pages run (through the registry, as the logged-in admin). */
final class ConsoleCommands {
    private ConsoleCommands() {
    }

    /** The arguments user and host of a bare JID. */
    static Map<String, Object> account(String bareJid) {
        JID jid = new JID(bareJid);
        Map<String, Object> args = new HashMap<>();
        args.put("user", jid.getNode());
        args.put("host", jid.getDomain());
        return args;
    }

    static Map<String, Object> account(String bareJid, String key, Object value) {
        Map<String, Object> args = account(bareJid);
        args.put(key, value);
        return args;
    }
}
