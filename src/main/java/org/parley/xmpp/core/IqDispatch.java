package org.parley.xmpp.core;

import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IQ handling (RFC 6120 §8.2.3, RFC 6121 §8.5.3): the handlers modules registered per {@link IqScope}, which one
 * answers an IQ, and where its reply goes. Apart from the router, which only decides that a stanza is an IQ.
 */
final class IqDispatch {
    /** The router's log category, as before IQ dispatch had a class of its own. */
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private final XmppServer server;
    private final Router router;
    private final PendingReplies pendingReplies;
    private final Map<IqScope, Map<String, IqHandler>> iqHandlers = new ConcurrentHashMap<>();

    IqDispatch(XmppServer server, Router router, PendingReplies pendingReplies) {
        this.server = server;
        this.router = router;
        this.pendingReplies = pendingReplies;
        for (IqScope s : IqScope.values()) {
            iqHandlers.put(s, new ConcurrentHashMap<>());
        }
    }

    void register(IqScope scope, String ns, IqHandler handler) {
        iqHandlers.get(scope).put(ns, handler);
    }

    /** IQ to a local domain: the server answers it itself. */
    void hostIq(IQ iq, Origin origin) {
        if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
            pendingReplies.answer(iq);
            return;
        }
        if (!handleIq(IqScope.HOST, iq, origin)) {
            router.bounce(iq, PacketError.Condition.service_unavailable);
        }
    }

    /** IQ to a local user: a full JID goes to that session, a bare JID is answered for the account. */
    void userIq(IQ iq, Origin origin) {
        JID to = iq.getTo();
        if (to.getResource() != null) {
            ClientSession s = server.sessionManager().get(to);
            if (s != null) {
                s.send(iq);
            } else {
                router.bounce(iq, PacketError.Condition.service_unavailable);
            }
            return;
        }
        accountIq(iq, origin, false);
    }

    /** IQ to an account's bare JID (or without 'to'): the server answers on the account's behalf. */
    void accountIq(IQ iq, Origin origin, boolean noTo) {
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
        router.bounce(iq, PacketError.Condition.service_unavailable);
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
            router.route(reply, null);
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

    private void bounceIq(IQ iq, PacketError.Condition condition) {
        router.bounce(iq, condition);
    }
}
