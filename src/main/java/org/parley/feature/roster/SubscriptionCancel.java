package org.parley.feature.roster;

import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;

/**
 * What the server sends when a roster item disappears (roster remove, RFC 6121 §2.5.2, or account
 * deletion): unsubscribe and unsubscribed so the contact's side follows, and unavailable presence from the
 * user's available resources if the contact was receiving it. The stanzas are server-generated, so only
 * the contact's (inbound) side processes them.
 */
public final class SubscriptionCancel {
    private final ModuleContext ctx;

    public SubscriptionCancel(ModuleContext ctx) {
        this.ctx = ctx;
    }

    public void afterRemoval(JID owner, RosterEntry removed) {
        afterRemoval(owner, removed, availableResources(owner));
    }

    /**
     * @param availableResources the owner's resources whose presence the contact may have received (the
     *                           account-deletion path captures them before its sessions close)
     */
    public void afterRemoval(JID owner, RosterEntry removed, List<JID> availableResources) {
        JID contact = removed.jid();
        if (contact.getNode() == null || !ctx.hosts().isLocal(contact.getDomain())
                || contact.equals(owner.asBareJID())) {
            return; // no server-to-server routing yet; nothing to tell a domain or oneself
        }
        SubscriptionState s = removed.state();
        if (s.subscription().hasTo() || s.pendingOut()) {
            ctx.route(stanza(Presence.Type.unsubscribe, owner, contact));
        }
        if (s.subscription().hasFrom() || s.pendingIn()) {
            ctx.route(stanza(Presence.Type.unsubscribed, owner, contact));
        }
        if (s.subscription().hasFrom()) {
            for (JID resource : availableResources) {
                Presence gone = new Presence(Presence.Type.unavailable);
                gone.setFrom(resource);
                gone.setTo(contact);
                ctx.route(gone);
            }
        }
    }

    public List<JID> availableResources(JID owner) {
        List<JID> l = new ArrayList<>();
        for (ClientSessionView session : ctx.sessions().of(owner.asBareJID())) {
            if (session.isAvailable()) {
                l.add(session.jid());
            }
        }
        return l;
    }

    private static Presence stanza(Presence.Type type, JID from, JID to) {
        Presence p = new Presence(type);
        p.setFrom(from.asBareJID());
        p.setTo(to);
        return p;
    }
}
