package org.parley.xmpp.core;

import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Origin;
import org.parley.xmpp.spi.StanzaHook;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one router: takes stanzas from sessions or modules and delivers them by RFC 6120 §10 and RFC 6121 §8,
 * running the hooks modules registered. It names no feature and no transport. It decides where a stanza goes;
 * {@link IqDispatch} answers IQs and {@link LocalDelivery} hands messages and presence to local sessions.
 */
public final class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private final XmppServer server;
    private final Map<String, StanzaHook> components = new ConcurrentHashMap<>();
    private final StanzaHooks hooks;
    private final IqDispatch iqs;
    private final LocalDelivery local;

    Router(XmppServer server, PendingReplies pendingReplies) {
        this.server = server;
        this.hooks = new StanzaHooks(this);
        this.iqs = new IqDispatch(server, this, pendingReplies);
        this.local = new LocalDelivery(server, this, hooks);
    }

    void iq(IqScope scope, String ns, IqHandler handler) {
        iqs.register(scope, ns, handler);
    }

    void hook(HookPoint point, int priority, StanzaHook hook) {
        hooks.add(point, priority, hook);
    }

    void component(String domain, StanzaHook handler) {
        components.put(domain.toLowerCase(), handler);
    }

    /** A stanza a bound session sent ('from' already stamped). */
    void fromSession(Packet packet, ClientSession origin) {
        server.metrics().stanza();
        if (hooks.run(HookPoint.OUTBOUND, packet, origin)) {
            return;
        }
        if (packet instanceof Presence p && p.getTo() == null) {
            hooks.run(HookPoint.PRESENCE_BROADCAST, p, origin);
            return;
        }
        route(packet, origin);
    }

    /** Routes a stanza whose 'from' is trusted (a session's, after stamping, or the server's). */
    public void route(Packet packet, Origin origin) {
        JID to = packet.getTo();
        if (to == null) {
            if (packet instanceof IQ iq) {
                iqs.accountIq(iq, origin, true);
            } else if (packet instanceof Message m && m.getFrom() != null) {
                m.setTo(m.getFrom().asBareJID());
                route(m, origin);
            }
            return;
        }
        String domain = to.getDomain();
        StanzaHook component = components.get(domain);
        if (component != null) {
            try {
                if (!component.handle(packet, origin)) {
                    bounce(packet, PacketError.Condition.service_unavailable);
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "component " + domain + " failed", e);
                bounce(packet, PacketError.Condition.internal_server_error);
            }
            return;
        }
        if (!server.hosts().isLocal(domain)) {
            // Federation comes with a later issue: no remote domains yet.
            bounce(packet, PacketError.Condition.remote_server_not_found);
            return;
        }
        if (to.getNode() == null) {
            toHost(packet, origin);
        } else {
            toUser(packet, origin);
        }
    }

    private void toHost(Packet packet, Origin origin) {
        if (packet instanceof IQ iq) {
            iqs.hostIq(iq, origin);
        } else if (packet instanceof Message m) {
            hooks.run(HookPoint.MESSAGE_TO_HOST, m, origin);
        } else if (packet instanceof Presence p) {
            hooks.run(HookPoint.PRESENCE_INBOUND, p, origin);
        }
    }

    private void toUser(Packet packet, Origin origin) {
        if (packet instanceof Presence p) {
            if (!hooks.run(HookPoint.PRESENCE_INBOUND, p, origin)) {
                local.presence(p);
            }
            return;
        }
        if (hooks.run(HookPoint.INBOUND, packet, origin)) {
            return;
        }
        if (packet instanceof IQ iq) {
            iqs.userIq(iq, origin);
        } else if (packet instanceof Message m) {
            local.message(m, origin);
        }
    }

    /** Pre-authentication IQ (XEP-0077): answered on the stream itself. */
    IQ preAuthIq(IQ iq, String domain, Connection connection) {
        return iqs.preAuthIq(iq, domain, connection);
    }

    /** Delivers straight to one bound session. */
    boolean deliver(JID fullJid, Packet packet) {
        return local.deliver(fullJid, packet);
    }

    void bounce(Packet packet, PacketError.Condition condition) {
        Packet error = Stanzas.bounce(packet, condition);
        if (error != null && error.getTo() != null) {
            route(error, null);
        }
    }
}
