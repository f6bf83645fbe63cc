package org.parley.xmpp.core;

import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Origin;
import org.parley.xmpp.spi.StanzaHook;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The hooks modules registered per {@link HookPoint}, apart so the router and its delivery rules share one registry. */
final class StanzaHooks {
    /** The router's log category, as before these hooks had a class of their own. */
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private final Router router;
    private final Map<HookPoint, List<Hook>> hooks = new ConcurrentHashMap<>();

    private record Hook(int priority, StanzaHook hook) {
    }

    StanzaHooks(Router router) {
        this.router = router;
    }

    synchronized void add(HookPoint point, int priority, StanzaHook hook) {
        List<Hook> l = new ArrayList<>(hooks.getOrDefault(point, List.of()));
        l.add(new Hook(priority, hook));
        l.sort((a, b) -> Integer.compare(a.priority, b.priority));
        hooks.put(point, List.copyOf(l));
    }

    /** Runs the hooks of a point; true if one consumed the stanza. */
    boolean run(HookPoint point, Packet packet, Origin origin) {
        for (Hook h : hooks.getOrDefault(point, List.of())) {
            try {
                if (h.hook.handle(packet, origin)) {
                    return true;
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "hook at " + point + " failed on " + packet.toXML(), e);
                router.bounce(packet, PacketError.Condition.internal_server_error);
                return true;
            }
        }
        return false;
    }

    /** Runs observation hooks: their answers are ignored and a failure is only logged. */
    void observe(HookPoint point, Packet packet, Origin origin) {
        List<Hook> list = hooks.get(point);
        if (list == null) {
            return;
        }
        for (Hook h : list) {
            try {
                h.hook.handle(packet, origin);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "observer at " + point + " failed", e);
            }
        }
    }
}
