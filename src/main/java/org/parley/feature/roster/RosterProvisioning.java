package org.parley.feature.roster;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.parley.api.RosterItemInfo;
import org.parley.api.RosterOperations;
import org.parley.application.AccountService;
import org.parley.application.XmppServerBean;
import org.parley.application.command.Commands;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.xmpp.packet.JID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rosters set by an operator or integrator rather than by the user's client: the change goes through the
 * roster cache (stored first, then cached) and is pushed to the user's interested resources, exactly like a
 * roster set. Subscriptions are set as given; no subscription presence is exchanged with the contact.
 */
@Stateless
@LocalBean
@Local(RosterOperations.class)
// Each storage call is its own transaction, as on the XMPP path: the cache never runs ahead of a commit.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterProvisioning implements RosterOperations {
    @Inject
    Rosters rosters;

    @EJB
    XmppServerBean xmpp;

    @Inject
    Commands commands;

    @Resource
    SessionContext context;

    /** The items the user's clients see. */
    public List<RosterEntry> items(JID owner) {
        return rosters.get(owner).visible();
    }

    /** Adds or changes an item; keeps the pending flags the new subscription allows. */
    public RosterEntry set(JID owner, JID contact, String name, List<String> groups, Subscription subscription) {
        RosterChange change = rosters.update(owner, contact, before -> {
            RosterEntry base = before == null ? RosterEntry.of(contact.asBareJID()) : before;
            SubscriptionState s = base.state();
            Subscription sub = subscription == null ? s.subscription() : subscription;
            SubscriptionState next = new SubscriptionState(sub, s.pendingOut() && !sub.hasTo(),
                    s.pendingIn() && !sub.hasFrom());
            return base.withDetails(name, groups).withState(next);
        });
        return change.after();
    }

    /** Removes an item; false when the user had no (visible) item for the contact. */
    public boolean remove(JID owner, JID contact) {
        RosterEntry current = rosters.get(owner).get(contact.asBareJID());
        if (current == null || current.hidden()) {
            return false;
        }
        RosterChange change = rosters.update(owner, contact, before -> null);
        return true;
    }

    @Override
    public List<RosterItemInfo> rosterItems(String userJid) {
        authorize("get_roster", Map.of("user", AccountService.bare(userJid).getNode(),
                "host", AccountService.bare(userJid).getDomain()));
        return items(owner(userJid)).stream().map(RosterProvisioning::info).toList();
    }

    @Override
    public RosterItemInfo setRosterItem(String userJid, String contactJid, String name, List<String> groups,
                                        String subscription) {
        authorize("add_rosteritem", owner(userJid), contactJid);
        JID owner = owner(userJid);
        Subscription s;
        try {
            s = subscription == null ? null : Subscription.parse(subscription);
        } catch (IllegalArgumentException e) {
            throw new AccountException(Reason.INVALID, "subscription is none, to, from or both");
        }
        return info(set(owner, contact(contactJid), name, groups, s));
    }

    @Override
    public boolean removeRosterItem(String userJid, String contactJid) {
        authorize("delete_rosteritem", owner(userJid), contactJid);
        return remove(owner(userJid), contact(contactJid));
    }

    /** The command's policy for the EJB caller (docs/ejb.md). */
    private void authorize(String command, Map<String, Object> args) {
        commands.authorize(context.getCallerPrincipal(), command, args);
    }

    private void authorize(String command, JID owner, String contactJid) {
        JID contact = contact(contactJid);
        if (contact.getNode() == null) {
            // a domain contact has no user argument; the owner's policy is the same for every roster command
            authorize("get_roster", Map.of("user", owner.getNode(), "host", owner.getDomain()));
            return;
        }
        Map<String, Object> args = new HashMap<>();
        args.put("localuser", owner.getNode());
        args.put("localhost", owner.getDomain());
        args.put("user", contact.getNode());
        args.put("host", contact.getDomain());
        authorize(command, args);
    }

    private JID owner(String jid) {
        JID owner = AccountService.bare(jid);
        if (!xmpp.server().accountExists(owner)) {
            throw new AccountException(Reason.NOT_FOUND, "no such account: " + owner);
        }
        return owner;
    }

    /** A bare JID (INVALID otherwise). */
    public static JID contact(String text) {
        try {
            JID j = new JID(text.trim());
            if (j.getResource() == null) {
                return j;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // refused below
        }
        throw new AccountException(Reason.INVALID, "contact is a bare JID");
    }

    private static RosterItemInfo info(RosterEntry e) {
        return new RosterItemInfo(e.jid().toBareJID(), e.name(), e.groups(), e.subscription().xmlValue(),
                e.state().pendingOut());
    }
}
