package org.parley.feature.announce;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.parley.api.AnnouncementOperations;
import org.parley.application.HostService;
import org.parley.application.XmppServerBean;
import org.parley.application.command.Commands;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ClientSessionView;

import java.util.HashMap;
import java.util.Map;

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

    @Inject
    Commands commands;

    @Resource
    SessionContext context;

    /** Sends a headline to every available session of the domain; returns how many sessions got it. */
    @Override
    public int announce(String domain, String subject, String body) {
        Map<String, Object> args = new HashMap<>();
        args.put("body", body);
        args.put("subject", subject);
        authorize("announce", domain, args);
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
        authorize("get_motd", domain, new HashMap<>());
        requireLocal(domain);
        return xmpp.hosts().settings(domain).get(AnnounceSettings.MOTD);
    }

    /** Sets (or with null/blank text, deletes) the message of the day; users get it at their next login. */
    @Override
    public void setMotd(String domain, String text) {
        boolean delete = text == null || text.isBlank();
        authorize(delete ? "delete_motd" : "set_motd", domain, delete ? new HashMap<>() : new HashMap<>(Map.of(
                "body", text)));
        String motd = text == null || text.isBlank() ? null : text.strip();
        if (motd != null && motd.length() > AnnounceSettings.MAX_MOTD) {
            throw new AccountException(Reason.INVALID, "the message of the day is limited to " + AnnounceSettings.MAX_MOTD
                    + " characters");
        }
        hosts.update(hosts.get(domain).with(AnnounceSettings.MOTD, motd));
    }

    /** The command's policy for the EJB caller (docs/ejb.md); an unknown domain is left to requireLocal. */
    private void authorize(String command, String domain, Map<String, Object> args) {
        if (domain != null) {
            args.put("host", domain);
            commands.authorize(context.getCallerPrincipal(), command, args);
        }
    }

    private void requireLocal(String domain) {
        if (domain == null || !xmpp.hosts().isLocal(domain)) {
            throw new AccountException(Reason.NOT_FOUND, "no such domain: " + domain);
        }
    }
}
