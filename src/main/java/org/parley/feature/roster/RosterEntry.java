package org.parley.feature.roster;

import org.xmpp.packet.JID;

import java.util.List;

/**
 * One roster item as the server keeps it (immutable). {@code hidden} marks an item that only exists to
 * remember a contact's pending subscription request: the user never added it, so roster gets and pushes
 * leave it out until the user adds or approves the contact.
 *
 * @param jid             the contact's bare JID
 * @param name            the handle the user gave the contact, or null
 * @param groups          the user's groups for the contact, in the order given
 * @param state           subscription and pending flags (RFC 6121 Appendix A)
 * @param pendingInStatus the status text of the contact's pending subscription request, or null
 */
public record RosterEntry(JID jid, String name, List<String> groups, SubscriptionState state,
                          String pendingInStatus, boolean hidden) {

    public RosterEntry {
        if (jid == null || jid.getResource() != null) {
            throw new IllegalArgumentException("a roster item needs a bare JID: " + jid);
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        state = state == null ? SubscriptionState.NONE : state;
        if (name != null && name.isEmpty()) {
            name = null;
        }
        if (!state.pendingIn()) {
            pendingInStatus = null;
        }
    }

    /** A new item the user adds (roster set or outbound subscription request). */
    public static RosterEntry of(JID jid) {
        return new RosterEntry(jid, null, List.of(), SubscriptionState.NONE, null, false);
    }

    /** The hidden item that records a subscription request from a contact the user has not added. */
    public static RosterEntry requestFrom(JID jid) {
        return new RosterEntry(jid, null, List.of(), SubscriptionState.NONE, null, true);
    }

    public Subscription subscription() {
        return state.subscription();
    }

    public RosterEntry withState(SubscriptionState next) {
        return new RosterEntry(jid, name, groups, next, pendingInStatus, hidden);
    }

    public RosterEntry withPendingInStatus(String status) {
        return new RosterEntry(jid, name, groups, state, status, hidden);
    }

    /** Name and groups as the user set them; the item becomes part of the visible roster. */
    public RosterEntry withDetails(String newName, List<String> newGroups) {
        return new RosterEntry(jid, newName, newGroups, state, pendingInStatus, false);
    }

    public RosterEntry shown() {
        return hidden ? new RosterEntry(jid, name, groups, state, pendingInStatus, false) : this;
    }

    /** A hidden item whose request is gone carries nothing: it is deleted rather than stored. */
    public boolean isDisposable() {
        return hidden && state.isNone();
    }
}
