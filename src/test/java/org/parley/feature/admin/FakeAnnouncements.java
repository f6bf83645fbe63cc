package org.parley.feature.admin;

import org.parley.feature.announce.AnnouncementService;

import java.util.ArrayList;
import java.util.List;

/** Records announcements; keeps the MOTD in a field. */
class FakeAnnouncements extends AnnouncementService {
    final List<String> sent = new ArrayList<>();
    String motd;

    @Override
    public int announce(String domain, String subject, String body) {
        sent.add(domain + "|" + subject + "|" + body);
        return 2;
    }

    @Override
    public String motd(String domain) {
        return motd;
    }

    @Override
    public void setMotd(String domain, String text) {
        motd = text;
    }
}
