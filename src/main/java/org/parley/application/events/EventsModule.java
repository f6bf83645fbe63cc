package org.parley.application.events;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.SessionListener;

/** Feeds the event dispatcher from the runtime: session bound/closed and messages the router delivered. */
@ApplicationScoped
public class EventsModule implements Module {
    @EJB
    EventHub hub;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void start(ModuleContext ctx) {
        wire(ctx, hub.dispatcher());
    }

    /** Registers the listener and the observation hook that feed {@code events}. */
    public static void wire(ModuleContext ctx, EventDispatcher events) {
        ctx.sessionListener(new SessionListener() {
            @Override
            public void bound(ClientSessionView session) {
                events.userOnline(session);
            }

            @Override
            public void closed(ClientSessionView session) {
                events.userOffline(session);
            }
        });
        ctx.hook(HookPoint.MESSAGE_DELIVERED, 0, (stanza, origin) -> {
            events.messageRouted(stanza);
            return false;
        });
    }
}
