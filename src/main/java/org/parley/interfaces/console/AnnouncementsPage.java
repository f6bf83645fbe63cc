package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.api.ParleyException;
import org.parley.application.HostService;
import org.parley.application.command.Commands;
import org.parley.feature.announce.AnnouncementService;
import org.parley.xmpp.spi.HostSettings;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /admin/announcements.xhtml: a domain's message of the day, and broadcasts to its online users. */
@Named
@ViewScoped
public class AnnouncementsPage implements Serializable {
    @EJB
    HostService hosts;

    @Inject
    Commands commands;

    @Inject
    ConsoleBean console;

    private List<String> domains;
    /** The domain chosen with ?domain=... (default: the logged-in admin's, else the first). */
    private String domain;
    private String motd;
    private boolean motdSet;
    private String subject;
    private String body;
    private Integer sent;

    @PostConstruct
    public void load() {
        domain = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("domain");
        domains = hosts.list().stream().map(HostSettings::domain).toList();
        if (domain == null || !domains.contains(domain.trim())) {
            if (domain != null && !domain.isBlank()) {
                FacesMessages.error(null, "No such domain: " + domain);
            }
            String own = ConsoleUser.domain();
            domain = own != null && domains.contains(own) ? own : domains.isEmpty() ? null : domains.get(0);
        } else {
            domain = domain.trim();
        }
        readMotd();
    }

    private void readMotd() {
        motd = null;
        if (domain != null) {
            try {
                String text = (String) commands.run(console.caller(), "get_motd", Map.of("host", domain));
                motd = text.isEmpty() ? null : text;
            } catch (ParleyException e) {
                FacesMessages.refused(null, e);
            }
        }
        motdSet = motd != null;
    }

    public void saveMotd() {
        if (motd == null || motd.isBlank()) {
            FacesMessages.error("motd", "Enter the message of the day (or delete it)");
            return;
        }
        if (motd.strip().length() > AnnouncementService.MAX_MOTD) {
            FacesMessages.error("motd", "At most " + AnnouncementService.MAX_MOTD + " characters");
            return;
        }
        try {
            commands.run(console.caller(), "set_motd", Map.of("host", domain, "body", motd));
            readMotd();
            FacesMessages.info("Message of the day of " + domain + " saved: users get it at their next login");
        } catch (RuntimeException e) {
            FacesMessages.refused("motd", e);
        }
    }

    public void deleteMotd() {
        try {
            commands.run(console.caller(), "delete_motd", Map.of("host", domain));
            readMotd();
            FacesMessages.info("Message of the day of " + domain + " deleted");
        } catch (RuntimeException e) {
            FacesMessages.refused(null, e);
        }
    }

    public void broadcast() {
        sent = null;
        if (body == null || body.isBlank()) {
            FacesMessages.error("body", "Enter the message to send");
            return;
        }
        if (body.length() > AnnouncementService.MAX_ANNOUNCEMENT) {
            FacesMessages.error("body", "At most " + AnnouncementService.MAX_ANNOUNCEMENT + " characters");
            return;
        }
        try {
            Map<String, Object> args = new HashMap<>(Map.of("host", domain, "body", body));
            if (subject != null && !subject.isBlank()) {
                args.put("subject", subject.strip());
            }
            sent = ((Long) commands.run(console.caller(), "announce", args)).intValue();
            subject = null;
            body = null;
        } catch (RuntimeException e) {
            FacesMessages.refused("body", e);
        }
    }

    public List<String> getDomains() {
        return domains;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getMotd() {
        return motd;
    }

    public void setMotd(String motd) {
        this.motd = motd;
    }

    public boolean isMotdSet() {
        return motdSet;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Integer getSent() {
        return sent;
    }
}
