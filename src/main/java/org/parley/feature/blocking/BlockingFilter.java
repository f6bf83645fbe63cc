package org.parley.feature.blocking;

import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Enforces blocklists on the stanza path (XEP-0191 §3.3). Inbound: nothing from a blocked JID reaches the
 * user (presence silently dropped, message and IQ get/set answered service-unavailable so the user looks
 * offline). Outbound: what the user sends to a blocked JID is answered not-acceptable + blocked. Stanzas
 * the server routes on a user's behalf (e.g. presence broadcasts) to a JID the user blocked are dropped.
 * The server's own domains and the user's own account are never blocked.
 */
final class BlockingFilter {
    private final Function<JID, Blocklist> lists;
    private final Predicate<String> servedDomain;
    private final Consumer<Packet> route;
    /** Stanzas this module routes itself (its error replies, unavailable presence on block): let through. */
    private final Set<Packet> passing = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    BlockingFilter(Function<JID, Blocklist> lists, Predicate<String> servedDomain, Consumer<Packet> route) {
        this.lists = lists;
        this.servedDomain = servedDomain;
        this.route = route;
    }

    /** Routes a stanza past this filter (the router runs hooks on the calling thread). */
    void routeUnfiltered(Packet packet) {
        passing.add(packet);
        try {
            route.accept(packet);
        } finally {
            passing.remove(packet);
        }
    }

    /** Hook of INBOUND and PRESENCE_INBOUND: a stanza addressed to a local user. */
    boolean inbound(Packet stanza, Origin origin) {
        JID to = stanza.getTo();
        JID from = stanza.getFrom();
        if (to == null || from == null || to.getNode() == null || exempt(from, to) || passing.contains(stanza)) {
            return false;
        }
        if (lists.apply(to.asBareJID()).blocks(from)) {
            rejectInbound(stanza);
            return true;
        }
        // Routed by the server for a local user (broadcast, probe answer) to someone that user blocked.
        return isLocalUser(from) && lists.apply(from.asBareJID()).blocks(to);
    }

    /** Hook of OUTBOUND: a stanza a local session sent. */
    boolean outbound(Packet stanza, Origin origin) {
        JID to = stanza.getTo();
        JID from = stanza.getFrom();
        if (to == null || from == null || exempt(from, to)) {
            return false;
        }
        if (!lists.apply(from.asBareJID()).blocks(to)) {
            return false;
        }
        Packet error = BlockingXml.blockedError(stanza);
        if (error != null) {
            if (origin != null) {
                origin.send(error);
            } else {
                routeUnfiltered(error);
            }
        }
        return true;
    }

    private boolean exempt(JID from, JID to) {
        return isServer(from) || isServer(to) || (from.getNode() != null && from.getNode().equals(to.getNode())
                && from.getDomain().equals(to.getDomain()));
    }

    private boolean isServer(JID jid) {
        return jid.getNode() == null && jid.getResource() == null && servedDomain.test(jid.getDomain());
    }

    private boolean isLocalUser(JID jid) {
        return jid.getNode() != null && servedDomain.test(jid.getDomain());
    }

    /** Presence: no answer; message: service-unavailable (not for error/headline); IQ: get/set only. */
    private void rejectInbound(Packet stanza) {
        if (stanza instanceof Presence) {
            return;
        }
        if (stanza instanceof Message m && m.getType() == Message.Type.headline) {
            return;
        }
        if (stanza instanceof IQ || stanza instanceof Message) {
            Packet error = BlockingXml.errorReply(stanza,
                    new PacketError(PacketError.Condition.service_unavailable, PacketError.Type.cancel));
            if (error != null) {
                routeUnfiltered(error);
            }
        }
    }
}
