package org.parley.application.command;

import org.parley.application.AccountService;
import org.parley.domain.account.AccountException;
import org.xmpp.packet.JID;

import java.util.Map;

/** The checked, typed arguments of one command call (absent optional arguments are null). */
public final class Args {
    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
        this.values = values;
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    public Long integer(String name) {
        return (Long) values.get(name);
    }

    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The bare JID {@code user@host} of two string arguments; INVALID naming the user argument. */
    public JID account(String user, String host) {
        return jid(string(user) + "@" + string(host), user);
    }

    /** A bare JID given as one argument (e.g. a contact); INVALID naming it. */
    public JID jid(String name) {
        return jid(string(name), name);
    }

    /** A domain argument, normalised (IDNA, lower case); INVALID naming it. */
    public String domain(String name) {
        String d = string(name);
        if (d == null) {
            return null;
        }
        try {
            return new JID(null, d.trim(), null).getDomain();
        } catch (IllegalArgumentException e) {
            throw CommandRefused.invalid("not a valid domain: " + d, name);
        }
    }

    private static JID jid(String text, String field) {
        try {
            return AccountService.bare(text);
        } catch (AccountException e) {
            throw CommandRefused.invalid(e.getMessage(), field);
        }
    }
}
