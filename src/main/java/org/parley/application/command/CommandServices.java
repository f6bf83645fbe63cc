package org.parley.application.command;

import org.parley.api.AnnouncementOperations;
import org.parley.api.MessageOperations;
import org.parley.api.RosterOperations;
import org.parley.application.AccountService;
import org.parley.application.HostAdministration;
import org.parley.xmpp.spi.HostSettings;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The services the admin commands are thin over (the EJBs in the server, fakes in unit tests).
 *
 * @param hosts the served domains and their settings
 * @param uptimeSeconds how long the server has run
 */
public record CommandServices(AccountService accounts, AnnouncementOperations announcements,
                              RosterOperations rosters, MessageOperations messages, HostAdministration hosts,
                              LongSupplier uptimeSeconds) {
    /** The served domains. */
    public List<String> domains() {
        return hosts.list().stream().map(HostSettings::domain).toList();
    }
}
