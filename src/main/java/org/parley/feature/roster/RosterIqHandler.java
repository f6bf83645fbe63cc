package org.parley.feature.roster;

import org.dom4j.Element;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** Roster get and set (RFC 6121 §2) with versioning (XEP-0237), for the sender's own account only. */
final class RosterIqHandler implements IqHandler {
    private final ModuleContext ctx;
    private final Rosters rosters;
    private final SubscriptionCancel cancel;

    RosterIqHandler(ModuleContext ctx, Rosters rosters) {
        this.ctx = ctx;
        this.rosters = rosters;
        this.cancel = new SubscriptionCancel(ctx);
    }

    @Override
    public IQ handle(IQ iq, Origin origin) {
        JID from = iq.getFrom();
        boolean set = iq.getType() == IQ.Type.set;
        if (from == null || from.getNode() == null) {
            return ModuleContext.error(iq, PacketError.Condition.forbidden);
        }
        JID owner = from.asBareJID();
        if (iq.getTo() != null && !iq.getTo().asBareJID().equals(owner)) {
            // Only the account itself may touch its roster (§2.3.3); a get of someone else's roster is
            // answered like any service the account does not offer to others.
            return ModuleContext.error(iq, set ? PacketError.Condition.forbidden
                    : PacketError.Condition.service_unavailable);
        }
        Element query = iq.getChildElement();
        if (!"query".equals(query.getName())) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        return set ? set(iq, owner, query) : get(iq, origin, owner, query);
    }

    private IQ get(IQ iq, Origin origin, JID owner, Element query) {
        if (origin != null && iq.getFrom().equals(origin.jid())) {
            origin.setInterested(true);
        }
        Roster roster = rosters.get(owner);
        String ver = query.attributeValue("ver");
        if (ver != null && ver.equals(Long.toString(roster.version()))) {
            // XEP-0237: the client's copy is current; later changes arrive as pushes.
            return IQ.createResultIQ(iq);
        }
        return RosterXml.result(iq, roster.visible(), roster.version());
    }

    private IQ set(IQ iq, JID owner, Element query) {
        RosterXml.SetRequest request;
        try {
            request = RosterXml.parseSet(query);
        } catch (RosterXml.Refused e) {
            return ModuleContext.error(iq, e.condition());
        }
        if (request.remove()) {
            RosterChange change = rosters.update(owner, request.jid(), e -> null);
            if (change.before() == null) {
                return ModuleContext.error(iq, PacketError.Condition.item_not_found);
            }
            cancel.afterRemoval(owner, change.before());
        } else {
            RosterChange change = rosters.update(owner, request.jid(),
                    e -> (e == null ? RosterEntry.of(request.jid()) : e)
                            .withDetails(request.name(), request.groups()));
        }
        return IQ.createResultIQ(iq);
    }
}
