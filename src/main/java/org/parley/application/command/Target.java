package org.parley.application.command;

import org.xmpp.packet.JID;

/**
 * What a command acts on, for its policy: a domain, an account of a domain (bare JID), or the whole server
 * (both null).
 */
public record Target(String domain, JID account) {
    public static final Target SERVER = new Target(null, null);

    public static Target domain(String domain) {
        return new Target(domain, null);
    }

    public static Target account(JID account) {
        return new Target(account.getDomain(), account.asBareJID());
    }
}
