package org.parley.application.command;

import org.parley.api.AnnouncementOperations;
import org.parley.api.MessageOperations;
import org.parley.api.RosterItemInfo;
import org.parley.api.RosterOperations;
import org.parley.feature.admin.FakeAccounts;

import java.util.ArrayList;
import java.util.List;

/** The command services over fakes that record every change, for registry tests. */
final class TestServices {
    final FakeAccounts accounts = new FakeAccounts().with("admin@example.org", true)
            .with("juliet@example.org", false).with("romeo@example.org", false)
            .with("admin@other.org", true).with("juliet@other.org", false);
    /** Every change the announcement, roster and message fakes were asked for. */
    final List<String> changes = new ArrayList<>();
    final FakeHosts hosts = new FakeHosts("example.org", "other.org");

    final CommandRegistry registry = ParleyCommands.registry(new CommandServices(accounts, announcements(),
            rosters(), messages(), hosts, () -> 42));

    private AnnouncementOperations announcements() {
        return new AnnouncementOperations() {
            @Override
            public int announce(String domain, String subject, String body) {
                changes.add("announce " + domain);
                return 1;
            }

            @Override
            public String motd(String domain) {
                return "motd of " + domain;
            }

            @Override
            public void setMotd(String domain, String text) {
                changes.add("motd " + domain + " " + text);
            }
        };
    }

    private RosterOperations rosters() {
        return new RosterOperations() {
            @Override
            public List<RosterItemInfo> rosterItems(String userJid) {
                return List.of(new RosterItemInfo("romeo@example.org", "Romeo", List.of("Friends"), "both", false));
            }

            @Override
            public RosterItemInfo setRosterItem(String userJid, String contactJid, String name, List<String> groups,
                                                String subscription) {
                changes.add("roster " + userJid + " " + contactJid + " " + groups);
                return new RosterItemInfo(contactJid, name, groups, subscription, false);
            }

            @Override
            public boolean removeRosterItem(String userJid, String contactJid) {
                changes.add("unroster " + userJid + " " + contactJid);
                return true;
            }
        };
    }

    private MessageOperations messages() {
        return (from, to, type, subject, body) -> {
            changes.add("message " + from + " " + to);
            return "id-1";
        };
    }
}
