package org.parley.feature.roster;

import org.xmpp.packet.Presence;

/**
 * The subscription state of one roster item: the subscription plus the pending flags, i.e. one of the nine
 * states of RFC 6121 Appendix A ("None + Pending Out", "To + Pending In", ...). Pending-out only exists
 * while the user has no 'to' subscription, pending-in only while the contact has no 'from' subscription.
 */
public record SubscriptionState(Subscription subscription, boolean pendingOut, boolean pendingIn) {

    public static final SubscriptionState NONE = new SubscriptionState(Subscription.NONE, false, false);

    /** The four subscription stanzas. */
    public enum Action {
        SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED;

        /** The action of a presence type, or null for other types (available, unavailable, probe, error). */
        public static Action of(Presence.Type type) {
            if (type == null) {
                return null;
            }
            return switch (type) {
                case subscribe -> SUBSCRIBE;
                case subscribed -> SUBSCRIBED;
                case unsubscribe -> UNSUBSCRIBE;
                case unsubscribed -> UNSUBSCRIBED;
                default -> null;
            };
        }

        public Presence.Type presenceType() {
            return Presence.Type.valueOf(name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public SubscriptionState {
        if (subscription == null) {
            throw new IllegalArgumentException("subscription is required");
        }
        if (pendingOut && subscription.hasTo()) {
            throw new IllegalArgumentException("pending-out with a 'to' subscription");
        }
        if (pendingIn && subscription.hasFrom()) {
            throw new IllegalArgumentException("pending-in with a 'from' subscription");
        }
    }

    /**
     * The state after the user's server processed a subscription stanza the user sent to the contact
     * (RFC 6121 Appendix A.2).
     */
    public SubscriptionState outbound(Action action) {
        return switch (action) {
            case SUBSCRIBE -> subscription.hasTo() ? this : new SubscriptionState(subscription, true, pendingIn);
            case UNSUBSCRIBE -> withoutTo();
            case SUBSCRIBED -> pendingIn
                    ? new SubscriptionState(subscription.withFrom(true), pendingOut, false) : this;
            case UNSUBSCRIBED -> withoutFrom();
        };
    }

    /**
     * The state after the user's server processed a subscription stanza the contact sent to the user
     * (RFC 6121 Appendix A.3, seen from the receiving account's roster item for the sender).
     */
    public SubscriptionState inbound(Action action) {
        return switch (action) {
            case SUBSCRIBE -> subscription.hasFrom() ? this : new SubscriptionState(subscription, pendingOut, true);
            case UNSUBSCRIBE -> withoutFrom();
            case SUBSCRIBED -> pendingOut
                    ? new SubscriptionState(subscription.withTo(true), false, pendingIn) : this;
            case UNSUBSCRIBED -> withoutTo();
        };
    }

    /** The user no longer receives (or asks for) the contact's presence. */
    private SubscriptionState withoutTo() {
        return new SubscriptionState(subscription.withTo(false), false, pendingIn);
    }

    /** The contact no longer receives (or asks for) the user's presence. */
    private SubscriptionState withoutFrom() {
        return new SubscriptionState(subscription.withFrom(false), pendingOut, false);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    @Override
    public String toString() {
        String s = subscription.name();
        return s + (pendingOut ? "+PendingOut" : "") + (pendingIn ? "+PendingIn" : "");
    }
}
