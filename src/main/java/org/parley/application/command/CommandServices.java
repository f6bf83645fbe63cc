package org.parley.application.command;

import org.parley.api.AnnouncementOperations;
import org.parley.api.MessageOperations;
import org.parley.api.RosterOperations;
import org.parley.application.AccountService;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The services the admin commands are thin over (the EJBs in the server, fakes in unit tests).
 *
 * @param domains the served domains
 * @param uptimeSeconds how long the server has run
 */
public record CommandServices(AccountService accounts, AnnouncementOperations announcements,
                              RosterOperations rosters, MessageOperations messages, Supplier<List<String>> domains,
                              LongSupplier uptimeSeconds) {
}
