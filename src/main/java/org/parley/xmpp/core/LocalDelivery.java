package org.parley.xmpp.core;

import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6121 §8.5 delivery to a local user's sessions (which resources get a message, when it is stored, bounced
 * or dropped), apart from the router, which only decides that a stanza is for a local user.
 */
final class LocalDelivery {
    private final XmppServer server;
    private final Router router;
    private final StanzaHooks hooks;

    LocalDelivery(XmppServer server, Router router, StanzaHooks hooks) {
        this.server = server;
        this.router = router;
        this.hooks = hooks;
    }

    /** RFC 6121 §8.5: message to a local user. */
    void message(Message m, Origin origin) {
        JID to = m.getTo();
        Message.Type type = m.getType() == null ? Message.Type.normal : m.getType();
        if (to.getResource() != null) {
            ClientSession s = server.sessionManager().get(to);
            if (s != null) {
                s.send(m);
                hooks.observe(HookPoint.MESSAGE_DELIVERED, m, origin);
                return;
            }
            if (type == Message.Type.groupchat) {
                router.bounce(m, PacketError.Condition.service_unavailable);
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
            hooks.observe(HookPoint.MESSAGE_DELIVERED, m, origin);
            return;
        }
        if (type == Message.Type.groupchat) {
            router.bounce(m, PacketError.Condition.service_unavailable);
            return;
        }
        if (!server.accounts().exists(to.asBareJID())) {
            if (type != Message.Type.headline) {
                router.bounce(m, PacketError.Condition.service_unavailable);
            }
            return;
        }
        if (type == Message.Type.headline) {
            return;
        }
        if (!hooks.run(HookPoint.MESSAGE_OFFLINE, m, origin)) {
            router.bounce(m, PacketError.Condition.service_unavailable);
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
    void presence(Presence p) {
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
}
