package org.parley.xmpp.core;

import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.parley.xmpp.spi.StanzaHook;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one router: takes stanzas from sessions or modules and delivers them by RFC 6120 §10 and RFC 6121 §8,
 * running the hooks modules registered. It names no feature and no transport.
 */
public final class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private final XmppServer server;
    private final Map<IqScope, Map<String, IqHandler>> iqHandlers = new ConcurrentHashMap<>();
    private final Map<HookPoint, List<Hook>> hooks = new ConcurrentHashMap<>();
    private final Map<String, StanzaHook> components = new ConcurrentHashMap<>();
    private final PendingReplies pendingReplies;

    private record Hook(int priority, StanzaHook hook) {
    }

    Router(XmppServer server, PendingReplies pendingReplies) {
        this.server = server;
        this.pendingReplies = pendingReplies;
        for (IqScope s : IqScope.values()) {
            iqHandlers.put(s, new ConcurrentHashMap<>());
        }
    }

    void iq(IqScope scope, String ns, IqHandler handler) {
        iqHandlers.get(scope).put(ns, handler);
    }

    synchronized void hook(HookPoint point, int priority, StanzaHook hook) {
        List<Hook> l = new ArrayList<>(hooks.getOrDefault(point, List.of()));
        l.add(new Hook(priority, hook));
        l.sort((a, b) -> Integer.compare(a.priority, b.priority));
        hooks.put(point, List.copyOf(l));
    }

    void component(String domain, StanzaHook handler) {
        components.put(domain.toLowerCase(), handler);
    }

    boolean isComponent(String domain) {
        return components.containsKey(domain);
    }

    /** Runs the hooks of a point; true if one consumed the stanza. */
    boolean runHooks(HookPoint point, Packet packet, Origin origin) {
        for (Hook h : hooks.getOrDefault(point, List.of())) {
            try {
                if (h.hook.handle(packet, origin)) {
                    return true;
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "hook at " + point + " failed on " + packet.toXML(), e);
                bounce(packet, PacketError.Condition.internal_server_error);
                return true;
            }
        }
        return false;
    }

    /** Runs observation hooks: their answers are ignored and a failure is only logged. */
    private void observe(HookPoint point, Packet packet, Origin origin) {
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

    /** A stanza a bound session sent ('from' already stamped). */
    void fromSession(Packet packet, ClientSession origin) {
        server.metrics().stanza();
        if (runHooks(HookPoint.OUTBOUND, packet, origin)) {
            return;
        }
        if (packet instanceof Presence p && p.getTo() == null) {
            runHooks(HookPoint.PRESENCE_BROADCAST, p, origin);
            return;
        }
        route(packet, origin);
    }

    /** Routes a stanza whose 'from' is trusted (a session's, after stamping, or the server's). */
    public void route(Packet packet, Origin origin) {
        JID to = packet.getTo();
        if (to == null) {
            if (packet instanceof IQ iq) {
                accountIq(iq, origin, true);
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
            if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
                pendingReplies.answer(iq);
                return;
            }
            if (!handleIq(IqScope.HOST, iq, origin)) {
                bounce(iq, PacketError.Condition.service_unavailable);
            }
        } else if (packet instanceof Message m) {
            runHooks(HookPoint.MESSAGE_TO_HOST, m, origin);
        } else if (packet instanceof Presence p) {
            runHooks(HookPoint.PRESENCE_INBOUND, p, origin);
        }
    }

    private void toUser(Packet packet, Origin origin) {
        if (packet instanceof Presence p) {
            if (!runHooks(HookPoint.PRESENCE_INBOUND, p, origin)) {
                deliverPresence(p);
            }
            return;
        }
        if (runHooks(HookPoint.INBOUND, packet, origin)) {
            return;
        }
        if (packet instanceof IQ iq) {
            userIq(iq, origin);
        } else if (packet instanceof Message m) {
            message(m, origin);
        }
    }

    private void userIq(IQ iq, Origin origin) {
        JID to = iq.getTo();
        if (to.getResource() != null) {
            ClientSession s = server.sessionManager().get(to);
            if (s != null) {
                s.send(iq);
            } else {
                bounce(iq, PacketError.Condition.service_unavailable);
            }
            return;
        }
        accountIq(iq, origin, false);
    }

    /** IQ to an account's bare JID (or without 'to'): the server answers on the account's behalf. */
    private void accountIq(IQ iq, Origin origin, boolean noTo) {
        if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
            pendingReplies.answer(iq);
            return;
        }
        if (handleIq(IqScope.ACCOUNT, iq, origin)) {
            return;
        }
        if (noTo && handleIq(IqScope.HOST, iq, origin)) {
            return;
        }
        bounce(iq, PacketError.Condition.service_unavailable);
    }

    private boolean handleIq(IqScope scope, IQ iq, Origin origin) {
        if (iq.getType() != IQ.Type.get && iq.getType() != IQ.Type.set) {
            return false;
        }
        org.dom4j.Element child = iq.getChildElement();
        if (child == null) {
            bounceIq(iq, PacketError.Condition.bad_request);
            return true;
        }
        IqHandler h = iqHandlers.get(scope).get(child.getNamespaceURI());
        if (h == null) {
            return false;
        }
        try {
            IQ reply = h.handle(iq, origin);
            if (reply != null) {
                if (reply.getFrom() == null && iq.getTo() != null) {
                    reply.setFrom(iq.getTo());
                }
                deliverReply(reply, origin);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "IQ handler for " + child.getNamespaceURI() + " failed", e);
            bounceIq(iq, PacketError.Condition.internal_server_error);
        }
        return true;
    }

    private void deliverReply(IQ reply, Origin origin) {
        if (origin != null && reply.getTo() != null && reply.getTo().equals(origin.jid())) {
            origin.send(reply);
        } else {
            route(reply, null);
        }
    }

    /** Pre-authentication IQ (XEP-0077): answered on the stream itself. */
    IQ preAuthIq(IQ iq, String domain, Connection connection) {
        org.dom4j.Element child = iq.getChildElement();
        IqHandler h = child == null ? null : iqHandlers.get(IqScope.PRE_AUTH).get(child.getNamespaceURI());
        if (h == null) {
            return null;
        }
        iq.setFrom((JID) null);
        iq.setTo(domain);
        try {
            IQ reply = h.handle(iq, null);
            if (reply != null) {
                reply.setTo((JID) null);
            }
            return reply;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "pre-auth IQ failed", e);
            return ModuleContext.error(iq, PacketError.Condition.internal_server_error);
        }
    }

    /** RFC 6121 §8.5: message to a local user. */
    private void message(Message m, Origin origin) {
        JID to = m.getTo();
        Message.Type type = m.getType() == null ? Message.Type.normal : m.getType();
        if (to.getResource() != null) {
            ClientSession s = server.sessionManager().get(to);
            if (s != null) {
                s.send(m);
                observe(HookPoint.MESSAGE_DELIVERED, m, origin);
                return;
            }
            if (type == Message.Type.groupchat) {
                bounce(m, PacketError.Condition.service_unavailable);
                return;
            }
            if (type == Message.Type.headline || type == Message.Type.error) {
                return;
            }
        }
        if (type == Message.Type.error) {
            return;
        }
        List<ClientSession> targets = deliveryTargets(to.asBareJID(), type);
        if (!targets.isEmpty()) {
            String xml = Stanzas.toXml(m.getElement());
            for (ClientSession s : targets) {
                s.sendRaw(xml);
            }
            observe(HookPoint.MESSAGE_DELIVERED, m, origin);
            return;
        }
        if (type == Message.Type.groupchat) {
            bounce(m, PacketError.Condition.service_unavailable);
            return;
        }
        if (!server.accounts().exists(to.asBareJID())) {
            if (type != Message.Type.headline) {
                bounce(m, PacketError.Condition.service_unavailable);
            }
            return;
        }
        if (type == Message.Type.headline) {
            return;
        }
        if (!runHooks(HookPoint.MESSAGE_OFFLINE, m, origin)) {
            bounce(m, PacketError.Condition.service_unavailable);
        }
    }

    /** Available resources with non-negative priority; chat/normal go to the highest priority ones. */
    private List<ClientSession> deliveryTargets(JID bare, Message.Type type) {
        List<ClientSession> available = new ArrayList<>(2);
        int best = Integer.MIN_VALUE;
        for (ClientSession s : server.sessionManager().of(bare)) {
            if (!s.isAvailable() || s.priority() < 0) {
                continue;
            }
            if (type == Message.Type.headline) {
                available.add(s);
            } else if (s.priority() > best) {
                best = s.priority();
                available.clear();
                available.add(s);
            } else if (s.priority() == best) {
                available.add(s);
            }
        }
        return available;
    }

    /** Presence no module consumed: directed to a full JID or to all available resources. */
    private void deliverPresence(Presence p) {
        JID to = p.getTo();
        if (to.getResource() != null) {
            ClientSession s = server.sessionManager().get(to);
            if (s != null) {
                s.send(p);
            }
            return;
        }
        String xml = Stanzas.toXml(p.getElement());
        for (ClientSession s : server.sessionManager().of(to)) {
            if (s.isAvailable()) {
                s.sendRaw(xml);
            }
        }
    }

    /** Delivers straight to one bound session. */
    boolean deliver(JID fullJid, Packet packet) {
        ClientSession s = server.sessionManager().get(fullJid);
        if (s == null) {
            return false;
        }
        s.send(packet);
        return true;
    }

    void bounce(Packet packet, PacketError.Condition condition) {
        Packet error = Stanzas.bounce(packet, condition);
        if (error != null && error.getTo() != null) {
            route(error, null);
        }
    }

    private void bounceIq(IQ iq, PacketError.Condition condition) {
        bounce(iq, condition);
    }
}
