package org.parley.feature.presence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.feature.roster.Rosters;
import org.parley.feature.roster.SubscriptionState.Action;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.parley.xmpp.spi.SessionListener;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * Presence and subscriptions (RFC 6121 §3, §4). Hooks:
 * <ul>
 * <li>OUTBOUND: subscription stanzas a session sends (its own roster changes, then they are routed) and
 * directed presence (remembered for §4.6);</li>
 * <li>PRESENCE_BROADCAST: initial, updated and unavailable presence;</li>
 * <li>PRESENCE_INBOUND: subscription stanzas and probes addressed to a local account.</li>
 * </ul>
 * It also drives the roster cache: loaded when a session binds, dropped after the last one's final
 * unavailable broadcast.
 */
@ApplicationScoped
public class PresenceModule implements Module {
    /** Late enough for filters (e.g. blocking) to run first. */
    static final int HOOK_PRIORITY = 100;

    private Rosters rosters;

    /** For the container's proxy. */
    protected PresenceModule() {
    }

    @Inject
    public PresenceModule(Rosters rosters) {
        this.rosters = rosters;
    }

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void start(ModuleContext ctx) {
        rosters.cacheWhile(jid -> !ctx.sessions().of(jid).isEmpty());
        ProbeResponder probes = new ProbeResponder(ctx, rosters);
        PresenceBroadcaster broadcaster = new PresenceBroadcaster(ctx, rosters, probes);
        SubscriptionHandler subscriptions = new SubscriptionHandler(ctx, rosters, broadcaster);

        ctx.hook(HookPoint.OUTBOUND, HOOK_PRIORITY, (packet, origin) -> packet instanceof Presence p
                && p.getTo() != null && origin != null && origin.jid() != null
                && outbound(p, origin, subscriptions));
        ctx.hook(HookPoint.PRESENCE_BROADCAST, HOOK_PRIORITY,
                (packet, origin) -> broadcast((Presence) packet, origin, broadcaster));
        ctx.hook(HookPoint.PRESENCE_INBOUND, HOOK_PRIORITY,
                (packet, origin) -> inbound((Presence) packet, subscriptions, probes));
        ctx.sessionListener(new SessionListener() {
            @Override
            public void bound(ClientSessionView session) {
                rosters.open(session.jid());
            }

            @Override
            public void closed(ClientSessionView session) {
                try {
                    broadcaster.closed(session);
                } finally {
                    rosters.close(session.jid());
                }
            }
        });
    }

    /** @return true if consumed (subscription stanzas are routed by the handler itself) */
    private static boolean outbound(Presence p, Origin origin, SubscriptionHandler subscriptions) {
        if (!PresenceStanzas.hasValidType(p)) {
            origin.send(PresenceStanzas.error(p, PacketError.Condition.bad_request));
            return true;
        }
        Presence.Type type = p.getType();
        if (type == null || type == Presence.Type.unavailable) {
            DirectedPresence.record(origin, p);
            return false;
        }
        Action action = Action.of(type);
        if (action == null) {
            return false; // probe (answered on the inbound side) or error
        }
        subscriptions.outbound(p, action);
        return true;
    }

    /** Never consumes valid presence, so later hooks (e.g. offline delivery) still see it. */
    private static boolean broadcast(Presence p, Origin origin, PresenceBroadcaster broadcaster) {
        if (origin == null || origin.jid() == null) {
            return true;
        }
        if (!PresenceStanzas.hasValidType(p) || (p.getType() == null && !PresenceStanzas.hasValidPriority(p))) {
            origin.send(PresenceStanzas.error(p, PacketError.Condition.bad_request));
            return true;
        }
        if (p.getType() == null) {
            broadcaster.available(p, origin);
        } else if (p.getType() == Presence.Type.unavailable) {
            broadcaster.unavailable(p, origin);
        }
        // Other types without 'to' (subscription types, probe, error) mean nothing: ignored.
        return false;
    }

    /** @return true if consumed; available and unavailable presence is left to the router to deliver */
    private static boolean inbound(Presence p, SubscriptionHandler subscriptions, ProbeResponder probes) {
        JID to = p.getTo();
        if (to == null || to.getNode() == null || p.getFrom() == null) {
            return false;
        }
        if (!PresenceStanzas.hasValidType(p)) {
            return true;
        }
        Action action = Action.of(p.getType());
        if (action != null) {
            subscriptions.inbound(p, action);
            return true;
        }
        if (p.getType() == Presence.Type.probe) {
            probes.answer(p);
            return true;
        }
        return false;
    }
}
