package org.parley.feature.offline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.parley.domain.account.AccountDeleted;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.SessionListener;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

import java.time.Clock;

/** Offline message storage (XEP-0160) with delayed-delivery stamps (XEP-0203). */
@ApplicationScoped
public class OfflineModule implements Module {
    /** After the presence module (100), which stores the session's new presence. */
    static final int PRESENCE_HOOK_PRIORITY = 200;

    private OfflineStore store;

    /** For the container's proxy. */
    protected OfflineModule() {
    }

    @Inject
    public OfflineModule(OfflineStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public void start(ModuleContext ctx) {
        OfflineMailbox box = new OfflineMailbox(ctx, store, Clock.systemUTC());
        box.loadOwners();
        ctx.hook(HookPoint.MESSAGE_OFFLINE, 100, (packet, origin) -> packet instanceof Message m && box.offer(m));
        ctx.hook(HookPoint.PRESENCE_BROADCAST, PRESENCE_HOOK_PRIORITY, (packet, origin) -> {
            box.presenceChanged((Presence) packet, origin);
            return false;
        });
        ctx.sessionListener(new SessionListener() {
            @Override
            public void available(ClientSessionView session) {
                box.available(session);
            }
        });
        ctx.disco().serverFeature("msgoffline");
    }

    /** The account was removed (committed): its stored messages go too. */
    void onAccountDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDeleted event) {
        store.deleteAll(new JID(event.bareJid()).toBareJID());
    }
}
