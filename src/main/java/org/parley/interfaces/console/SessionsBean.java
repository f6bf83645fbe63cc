package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.application.AccountService;
import org.parley.application.command.CommandArgs;
import org.parley.application.command.Commands;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Online sessions of the administrator's domain (/admin/sessions.xhtml); ends one resource on request. */
@Named("sessions")
@ViewScoped
public class SessionsBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One session as the page shows it. */
    public record Row(String jid, String account, String resource, String transport, String address,
                      String since, int priority, String presence) implements Serializable {
    }

    @EJB
    AccountService accounts;

    @Inject
    ConsoleBean console;

    @Inject
    Commands commands;

    private List<Row> rows = List.of();

    @PostConstruct
    void init() {
        load();
    }

    public void load() {
        rows = accounts.onlineSessions(console.admin().getDomain()).stream().map(SessionsBean::row).toList();
    }

    /** Ends one session (full JID); its client gets a stream error. */
    public void kick(String fullJid) {
        JID jid = new JID(fullJid);
        if (jid.getResource() == null) {
            Messages.error(null, "Not a session: " + fullJid);
        } else if (Messages.attempt(() -> commands.run(console.caller(), "kick_session",
                CommandArgs.account(jid, "resource", jid.getResource())), null)) {
            Messages.info("Ended the session " + fullJid + ".");
        }
        load();
        // the stream closes asynchronously: do not list the session that is ending
        rows = rows.stream().filter(r -> !r.jid().equals(jid.toString())).toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    static Row row(ClientSessionView s) {
        JID jid = s.jid();
        return new Row(jid.toString(), jid.toBareJID(), jid.getResource(), s.transport(), s.remoteAddress(),
                s.since() == null ? "" : SINCE.format(s.since()), s.priority(), presence(s.presence()));
    }

    static String presence(Presence p) {
        if (p == null || p.getType() == Presence.Type.unavailable) {
            return "unavailable";
        }
        String show = p.getShow() == null ? "available" : p.getShow().name();
        return p.getStatus() == null || p.getStatus().isBlank() ? show : show + " (" + p.getStatus() + ")";
    }
}
