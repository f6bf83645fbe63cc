package org.parley.feature.presence;

import org.parley.feature.roster.RosterChange;
import org.parley.feature.roster.RosterEntry;
import org.parley.feature.roster.Rosters;
import org.parley.feature.roster.SubscriptionState.Action;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * Presence subscriptions (RFC 6121 §3, Appendix A). Both ends are local, so the server plays the user's
 * server for stanzas a session sends ({@link #outbound}) and the contact's server for stanzas addressed to
 * a local account ({@link #inbound}); each side changes only its own account's roster.
 */
final class SubscriptionHandler {
    private final ModuleContext ctx;
    private final Rosters rosters;
    private final PresenceBroadcaster presence;

    SubscriptionHandler(ModuleContext ctx, Rosters rosters, PresenceBroadcaster presence) {
        this.ctx = ctx;
        this.rosters = rosters;
        this.presence = presence;
    }

    /** A subscription stanza a session sent: the sender's roster changes (A.2), then it is routed. */
    void outbound(Presence p, Action action) {
        JID user = p.getFrom().asBareJID();
        JID contact = p.getTo().asBareJID();
        if (user.equals(contact)) {
            return; // an account is implicitly subscribed to itself
        }
        RosterChange change = rosters.update(user, contact, e -> afterOutbound(e, contact, action));
        if (action == Action.SUBSCRIBED && !change.changed()) {
            return; // no pending request to approve (pre-approval is not offered)
        }
        // The stanza leaves stamped with both bare JIDs (§3.1.2), otherwise untouched (status, extensions).
        ctx.route(PresenceStanzas.readdressed(p, user, contact));
        if (action == Action.SUBSCRIBED) {
            presence.sendCurrent(user, contact); // §3.1.5
        } else if (action == Action.UNSUBSCRIBED && change.lostFrom()) {
            presence.sendUnavailable(user, contact); // §3.2.2
        }
    }

    /** A subscription stanza addressed to a local account (from a session or from the server). */
    void inbound(Presence p, Action action) {
        JID user = p.getFrom().asBareJID();
        JID contact = p.getTo().asBareJID();
        if (user.equals(contact) || !ctx.accountExists(contact)) {
            return; // no such user: silently dropped
        }
        Presence delivered = PresenceStanzas.readdressed(p, user, contact);
        if (action == Action.SUBSCRIBE) {
            subscribeRequest(delivered, user, contact);
            return;
        }
        RosterChange change = rosters.update(contact, user, e -> e == null ? null : e.withState(e.state().inbound(action)));
        if (!change.changed()) {
            return; // A.3: no state change, the stanza is not delivered
        }
        deliver(contact, delivered);
        if (action == Action.UNSUBSCRIBE && change.lostFrom()) {
            presence.sendUnavailable(contact, user); // §3.3.3
        }
    }

    /** §3.1.3: record the request, answer it if already approved or auto-approved, else deliver it. */
    private void subscribeRequest(Presence request, JID user, JID contact) {
        String status = request.getStatus();
        RosterChange change = rosters.update(contact, user, e -> {
            RosterEntry current = e == null ? RosterEntry.requestFrom(user) : e;
            if (current.subscription().hasFrom()) {
                return e;
            }
            return current.withState(current.state().inbound(Action.SUBSCRIBE)).withPendingInStatus(status);
        });
        RosterEntry now = change.after();
        if (now != null && now.subscription().hasFrom()) {
            // Already subscribed: the server answers for the contact.
            ctx.route(PresenceStanzas.subscription(Presence.Type.subscribed, contact, user, null));
            presence.sendCurrent(contact, user);
            return;
        }
        if (ctx.hosts().settings(contact.getDomain()).get(SubscriptionSettings.AUTO_APPROVE)) {
            approve(contact, user);
            return;
        }
        deliver(contact, request);
    }

    /** Auto-approval: the server sends 'subscribed' on the contact's behalf, as if the contact had. */
    private void approve(JID contact, JID user) {
        RosterChange change = rosters.update(contact, user,
                e -> e == null ? null : afterOutbound(e, user, Action.SUBSCRIBED));
        ctx.route(PresenceStanzas.subscription(Presence.Type.subscribed, contact, user, null));
        presence.sendCurrent(contact, user);
    }

    /** The sender's item after an outbound subscription stanza (A.2); null when there is nothing to keep. */
    static RosterEntry afterOutbound(RosterEntry current, JID contact, Action action) {
        if (current == null && action != Action.SUBSCRIBE) {
            return null;
        }
        RosterEntry e = current == null ? RosterEntry.of(contact) : current;
        RosterEntry next = e.withState(e.state().outbound(action));
        // Asking for or granting a subscription puts the contact on the visible roster (§3.1.2, §3.1.5).
        boolean shows = action == Action.SUBSCRIBE || (action == Action.SUBSCRIBED && !next.state().equals(e.state()));
        return shows ? next.shown() : next;
    }

    /** Subscription stanzas go to the available resources; offline requests wait on the roster item. */
    private void deliver(JID account, Presence stanza) {
        for (ClientSessionView s : ctx.sessions().of(account)) {
            if (s.isAvailable()) {
                s.send(stanza);
            }
        }
    }
}
