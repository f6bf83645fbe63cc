package org.parley.application.command;

import java.util.ArrayList;
import java.util.List;

/** Every admin command of the server, in the order `GET /api/v1/commands` and `parleyctl help` list them. */
public final class ParleyCommands {
    private ParleyCommands() {
    }

    public static CommandRegistry registry(CommandServices services) {
        List<AdminCommand> all = new ArrayList<>();
        all.addAll(ServerCommands.of(services));
        all.addAll(AccountCommands.of(services.accounts()));
        all.addAll(SessionCommands.of(services.accounts()));
        all.addAll(AnnouncementCommands.of(services.announcements()));
        all.addAll(RosterCommands.of(services.rosters()));
        all.addAll(HostCommands.of(services.hosts()));
        return new CommandRegistry(all);
    }
}
