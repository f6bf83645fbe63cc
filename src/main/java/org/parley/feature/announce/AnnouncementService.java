package org.parley.feature.announce;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import org.parley.api.AnnouncementOperations;
import org.parley.application.HostService;
import org.parley.application.XmppServerBean;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ClientSessionView;

/**
 * Announcements to the online users of a domain and the domain's message of the day (kept in the host
 * settings, so it survives restarts). XEP-0133 commands, the REST API and the console all call this.
 */
@Stateless
@LocalBean
@Local(AnnouncementOperations.class)
public class AnnouncementService implements AnnouncementOperations {
    public static final int MAX_MOTD = AnnounceSettings.MAX_MOTD;
    public static final int MAX_ANNOUNCEMENT = 64 * 1024;

    @EJB
    XmppServerBean xmpp;

    @EJB
    HostService hosts;

    /** Sends a headline to every available session of the domain; returns how many sessions got it. */
    @Override
    public int announce(String domain, String subject, String body) {
        requireLocal(domain);
        if (body == null || body.isBlank() || body.length() > MAX_ANNOUNCEMENT) {
            throw new AccountException(Reason.INVALID, "an announcement needs a body of at most "
                    + MAX_ANNOUNCEMENT + " characters");
        }
        ModuleContext server = xmpp.server();
        int sent = 0;
        for (ClientSessionView s : server.sessions().all()) {
            if (s.domain().equals(domain) && s.isAvailable()) {
                s.send(Headlines.headline(domain, s.jid(), subject, body));
                sent++;
            }
        }
        return sent;
    }

    /** The domain's message of the day, or null. */
    @Override
    public String motd(String domain) {
        requireLocal(domain);
        return xmpp.hosts().settings(domain).get(AnnounceSettings.MOTD);
    }

    /** Sets (or with null/blank text, deletes) the message of the day; users get it at their next login. */
    @Override
    public void setMotd(String domain, String text) {
        String motd = text == null || text.isBlank() ? null : text.strip();
        if (motd != null && motd.length() > AnnounceSettings.MAX_MOTD) {
            throw new AccountException(Reason.INVALID, "the message of the day is limited to " + AnnounceSettings.MAX_MOTD
                    + " characters");
        }
        hosts.update(hosts.get(domain).with(AnnounceSettings.MOTD, motd));
    }

    private void requireLocal(String domain) {
        if (domain == null || !xmpp.hosts().isLocal(domain)) {
            throw new AccountException(Reason.NOT_FOUND, "no such domain: " + domain);
        }
    }
}
