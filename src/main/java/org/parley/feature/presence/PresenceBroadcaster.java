package org.parley.feature.presence;

import org.parley.feature.roster.Roster;
import org.parley.feature.roster.RosterEntry;
import org.parley.feature.roster.Rosters;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Presence a session broadcasts (RFC 6121 §4.2 initial, §4.4 updates, §4.5 unavailable) to the contacts
 * subscribed to it and to the account's other resources. Reads only the cached roster and the sessions.
 */
final class PresenceBroadcaster {
    private final ModuleContext ctx;
    private final Rosters rosters;
    private final ProbeResponder probes;

    PresenceBroadcaster(ModuleContext ctx, Rosters rosters, ProbeResponder probes) {
        this.ctx = ctx;
        this.rosters = rosters;
        this.probes = probes;
    }

    /** Available presence without 'to': the session's initial presence or an update. */
    void available(Presence p, Origin session) {
        boolean initial = !session.isAvailable();
        session.presence(p);
        JID user = session.jid().asBareJID();
        Roster roster = rosters.get(user);
        toSubscribers(roster, p);
        toOwnResources(user, p, null);
        if (initial) {
            probes.answerInitialProbes(roster, session);
            otherResourcesTo(session);
            pendingRequestsTo(roster, session);
            ClientSessionView view = session instanceof ClientSessionView v ? v : ctx.sessions().get(session.jid());
            if (view != null) {
                ctx.available(view);
            }
        }
    }

    /** Unavailable presence without 'to' (§4.5): the session stays bound but is no longer available. */
    void unavailable(Presence p, Origin session) {
        boolean wasAvailable = session.isAvailable();
        session.presence(p);
        goneTo(session, p, wasAvailable);
    }

    /** The session ended: if it was available (or sent directed presence) the others learn it is gone. */
    void closed(ClientSessionView session) {
        boolean wasAvailable = session.isAvailable();
        Presence gone = new Presence(Presence.Type.unavailable);
        gone.setFrom(session.jid());
        session.presence(gone);
        goneTo(session, gone, wasAvailable);
    }

    private void goneTo(Origin session, Presence unavailable, boolean wasAvailable) {
        JID user = session.jid().asBareJID();
        Set<JID> told = Set.of();
        if (wasAvailable) {
            told = toSubscribers(rosters.get(user), unavailable);
            toOwnResources(user, unavailable, session.jid());
        }
        for (JID to : DirectedPresence.drain(session)) {
            if (!told.contains(to)) {
                ctx.route(PresenceStanzas.readdressed(unavailable, session.jid(), to));
            }
        }
    }

    /** Sends the current presence of each available resource of {@code user} to {@code contact}. */
    void sendCurrent(JID user, JID contact) {
        if (!isLocalUser(contact)) {
            return;
        }
        for (ClientSessionView s : ctx.sessions().of(user)) {
            Presence current = s.presence();
            if (s.isAvailable() && current != null) {
                ctx.route(PresenceStanzas.readdressed(current, s.jid(), contact));
            }
        }
    }

    /** Sends unavailable from each available resource of {@code user} to {@code contact}. */
    void sendUnavailable(JID user, JID contact) {
        if (!isLocalUser(contact)) {
            return;
        }
        for (ClientSessionView s : ctx.sessions().of(user)) {
            if (s.isAvailable()) {
                ctx.route(PresenceStanzas.unavailable(s.jid(), contact));
            }
        }
    }

    /** To every contact with a 'from' or 'both' subscription; returns the contacts (bare JIDs) addressed. */
    private Set<JID> toSubscribers(Roster roster, Presence p) {
        Set<JID> told = new HashSet<>();
        for (RosterEntry e : roster.entries()) {
            JID contact = e.jid();
            if (!e.subscription().hasFrom() || contact.equals(roster.owner()) || !isLocalUser(contact)) {
                continue;
            }
            told.add(contact);
            if (!ctx.sessions().of(contact).isEmpty()) {
                ctx.route(PresenceStanzas.readdressed(p, p.getFrom(), contact));
            }
        }
        return told;
    }

    /** To the account's available resources, the sender included (§4.2.2, §4.4.2), minus {@code except}. */
    private void toOwnResources(JID user, Presence p, JID except) {
        for (ClientSessionView s : ctx.sessions().of(user)) {
            if (s.isAvailable() && !s.jid().equals(except)) {
                s.send(PresenceStanzas.readdressed(p, p.getFrom(), s.jid()));
            }
        }
    }

    /** A newly available resource learns the presence of the account's other resources (§4.2.2). */
    private void otherResourcesTo(Origin session) {
        List<? extends ClientSessionView> own = ctx.sessions().of(session.jid().asBareJID());
        for (ClientSessionView s : own) {
            Presence current = s.presence();
            if (!s.jid().equals(session.jid()) && s.isAvailable() && current != null) {
                session.send(PresenceStanzas.readdressed(current, s.jid(), session.jid()));
            }
        }
    }

    /** Subscription requests that arrived while the user was offline (§3.1.3). */
    private void pendingRequestsTo(Roster roster, Origin session) {
        for (RosterEntry e : roster.entries()) {
            if (e.state().pendingIn()) {
                session.send(PresenceStanzas.subscription(Presence.Type.subscribe, e.jid(), roster.owner(),
                        e.pendingInStatus()));
            }
        }
    }

    private boolean isLocalUser(JID jid) {
        return jid.getNode() != null && ctx.hosts().isLocal(jid.getDomain());
    }
}
