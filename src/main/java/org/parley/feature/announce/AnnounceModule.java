package org.parley.feature.announce;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.SessionListener;

/** Sends the domain's message of the day once per session, when the session becomes available. */
@ApplicationScoped
public class AnnounceModule implements Module {
    static final String SENT = "announce.motd.sent";

    @Override
    public String name() {
        return "announce";
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.sessionListener(new SessionListener() {
            @Override
            public void available(ClientSessionView session) {
                sendMotd(ctx, session);
            }
        });
    }

    /** Reads the settings from memory (no database on login). */
    static void sendMotd(ModuleContext ctx, ClientSessionView session) {
        String motd = ctx.hosts().settings(session.domain()).get(AnnounceSettings.MOTD);
        if (motd == null || motd.isBlank() || session.attribute(SENT) != null) {
            return;
        }
        session.attribute(SENT, Boolean.TRUE);
        session.send(Headlines.motd(session.domain(), session.jid(), motd));
    }
}
