package org.parley.application;

import org.parley.xmpp.spi.HostSettings;

import java.util.List;

/**
 * The host operations the admin commands run (add_host, remove_host, get_host_settings, set_host_setting):
 * unchecked, since the command registry checked the caller first. {@link HostService} in the server, a fake in
 * unit tests.
 */
public interface HostAdministration {
    /** Every served domain with its settings. */
    List<HostSettings> list();

    /** NOT_FOUND for a domain the server does not serve. */
    HostSettings get(String domain);

    /**
     * Adds a domain with default settings and, when {@code adminJid} is given, its first administrator account
     * (of that domain) in the same transaction; CONFLICT when the domain or the account exists.
     */
    HostSettings create(String domain, String adminJid, String adminPassword);

    /** Stores and applies the settings of {@code settings.domain()}; INVALID when one breaks its rules. */
    HostSettings update(HostSettings settings);

    /** Stops serving the domain; its stored accounts and data stay. */
    void remove(String domain);
}
