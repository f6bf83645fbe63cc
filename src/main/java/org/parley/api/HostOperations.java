package org.parley.api;

import java.util.List;

/** Virtual hosts and their settings; changes take effect at once and survive restarts. */
public interface HostOperations {
    List<HostInfo> hosts();

    /** NOT_FOUND for an unknown domain. */
    HostInfo host(String domain);

    /**
     * Adds a domain with default settings and, when adminJid is given, its first administrator account (of
     * that domain) in the same transaction. CONFLICT when the domain or the account exists.
     */
    HostInfo createHost(String domain, String adminJid, String adminPassword);

    /** Replaces the settings of settings.domain(); INVALID when one is out of range. */
    HostInfo updateHost(HostInfo settings);

    /** Stops serving the domain; its stored accounts and data stay. */
    void removeHost(String domain);
}
