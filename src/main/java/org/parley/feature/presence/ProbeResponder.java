package org.parley.feature.presence;

import org.parley.feature.roster.Roster;
import org.parley.feature.roster.RosterEntry;
import org.parley.feature.roster.Rosters;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;

/**
 * Presence probes (RFC 6121 §4.3). Every contact is local, so the server answers the probes of an initial
 * presence itself instead of sending them; probes sent by clients or modules are answered the same way.
 */
final class ProbeResponder {
    private final ModuleContext ctx;
    private final Rosters rosters;

    ProbeResponder(ModuleContext ctx, Rosters rosters) {
        this.ctx = ctx;
        this.rosters = rosters;
    }

    /**
     * For each contact the user is subscribed to: the last presence of the contact's available resources,
     * or unavailable when it has none (§4.2.2, §4.3.2), addressed to the newly available session only.
     * Routed rather than handed over, so inbound filters (blocking) apply as to any presence.
     */
    void answerInitialProbes(Roster roster, Origin session) {
        JID user = roster.owner();
        for (RosterEntry e : roster.entries()) {
            JID contact = e.jid();
            if (!e.subscription().hasTo() || contact.equals(user) || contact.getNode() == null
                    || !ctx.hosts().isLocal(contact.getDomain()) || !ctx.accountExists(contact)) {
                continue;
            }
            List<ClientSessionView> available = available(contact, null);
            if (available.isEmpty()) {
                ctx.route(PresenceStanzas.unavailable(contact, session.jid()));
                continue;
            }
            // Online accounts have their roster cached: the check costs no database read.
            RosterEntry theirs = rosters.get(contact).get(user);
            if (theirs == null || !theirs.subscription().hasFrom()) {
                continue;
            }
            for (ClientSessionView s : available) {
                ctx.route(PresenceStanzas.readdressed(s.presence(), s.jid(), session.jid()));
            }
        }
    }

    /** A probe addressed to a local account (bare JID, or full JID for one resource). */
    void answer(Presence probe) {
        JID requester = probe.getFrom();
        JID target = probe.getTo();
        JID contact = target.asBareJID();
        if (requester == null || !ctx.accountExists(contact)) {
            return; // no such user: silently dropped
        }
        JID requesterBare = requester.asBareJID();
        if (!requesterBare.equals(contact)) {
            RosterEntry item = rosters.get(contact).get(requesterBare);
            if (item == null || !item.subscription().hasFrom()) {
                // Not authorised: reveal nothing (§4.3.2). "unsubscribed" tells the prober its view is stale,
                // unless its request is still pending: that must not be cancelled by a probe.
                if (item == null || !item.state().pendingIn()) {
                    ctx.route(PresenceStanzas.subscription(Presence.Type.unsubscribed, contact, requesterBare, null));
                }
                return;
            }
        }
        List<ClientSessionView> available = available(contact, target.getResource());
        if (available.isEmpty()) {
            ctx.route(PresenceStanzas.unavailable(target, requester));
            return;
        }
        for (ClientSessionView s : available) {
            ctx.route(PresenceStanzas.readdressed(s.presence(), s.jid(), requester));
        }
    }

    private List<ClientSessionView> available(JID contact, String resource) {
        List<ClientSessionView> l = new ArrayList<>(2);
        for (ClientSessionView s : ctx.sessions().of(contact)) {
            if (s.isAvailable() && s.presence() != null
                    && (resource == null || resource.equals(s.jid().getResource()))) {
                l.add(s);
            }
        }
        return l;
    }
}
