package org.parley.xmpp.core;

import org.parley.xmpp.sasl.CredentialStore;
import org.xmpp.packet.JID;

/** What the core needs to know of accounts; the application layer implements it over the database. */
public interface AccountDirectory {
    boolean exists(JID bareJid);

    boolean isEnabled(JID bareJid);

    boolean isAdmin(JID bareJid);

    CredentialStore credentials(String domain);
}
