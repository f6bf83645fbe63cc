package org.parley.feature.roster;

import org.junit.jupiter.api.Test;
import org.parley.feature.roster.SubscriptionState.Action;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every transition of RFC 6121 Appendix A, written out as the RFC's tables list them. */
class SubscriptionStateTest {
    static final SubscriptionState NONE = s(Subscription.NONE, false, false);
    static final SubscriptionState NONE_OUT = s(Subscription.NONE, true, false);
    static final SubscriptionState NONE_IN = s(Subscription.NONE, false, true);
    static final SubscriptionState NONE_OUT_IN = s(Subscription.NONE, true, true);
    static final SubscriptionState TO = s(Subscription.TO, false, false);
    static final SubscriptionState TO_IN = s(Subscription.TO, false, true);
    static final SubscriptionState FROM = s(Subscription.FROM, false, false);
    static final SubscriptionState FROM_OUT = s(Subscription.FROM, true, false);
    static final SubscriptionState BOTH = s(Subscription.BOTH, false, false);

    static SubscriptionState s(Subscription sub, boolean out, boolean in) {
        return new SubscriptionState(sub, out, in);
    }

    /** Expected state per current state; a missing key would be a gap in the table (all nine are listed). */
    private static void check(Map<SubscriptionState, SubscriptionState> table, Action action, boolean outbound) {
        assertEquals(9, table.size());
        table.forEach((from, to) -> assertEquals(to, outbound ? from.outbound(action) : from.inbound(action),
                (outbound ? "outbound " : "inbound ") + action + " in " + from));
    }

    // ---- A.2: the user's server, stanzas the user sends ----

    @Test
    void a21OutboundSubscribe() {
        check(Map.of(NONE, NONE_OUT, NONE_OUT, NONE_OUT, NONE_IN, NONE_OUT_IN, NONE_OUT_IN, NONE_OUT_IN,
                TO, TO, TO_IN, TO_IN, FROM, FROM_OUT, FROM_OUT, FROM_OUT, BOTH, BOTH), Action.SUBSCRIBE, true);
    }

    @Test
    void a22OutboundUnsubscribe() {
        check(Map.of(NONE, NONE, NONE_OUT, NONE, NONE_IN, NONE_IN, NONE_OUT_IN, NONE_IN,
                TO, NONE, TO_IN, NONE_IN, FROM, FROM, FROM_OUT, FROM, BOTH, FROM), Action.UNSUBSCRIBE, true);
    }

    @Test
    void a23OutboundSubscribed() {
        check(Map.of(NONE, NONE, NONE_OUT, NONE_OUT, NONE_IN, FROM, NONE_OUT_IN, FROM_OUT,
                TO, TO, TO_IN, BOTH, FROM, FROM, FROM_OUT, FROM_OUT, BOTH, BOTH), Action.SUBSCRIBED, true);
    }

    @Test
    void a24OutboundUnsubscribed() {
        check(Map.of(NONE, NONE, NONE_OUT, NONE_OUT, NONE_IN, NONE, NONE_OUT_IN, NONE_OUT,
                TO, TO, TO_IN, TO, FROM, NONE, FROM_OUT, NONE_OUT, BOTH, TO), Action.UNSUBSCRIBED, true);
    }

    // ---- A.3: the contact's server, stanzas addressed to the account ----

    @Test
    void a31InboundSubscribe() {
        check(Map.of(NONE, NONE_IN, NONE_OUT, NONE_OUT_IN, NONE_IN, NONE_IN, NONE_OUT_IN, NONE_OUT_IN,
                TO, TO_IN, TO_IN, TO_IN, FROM, FROM, FROM_OUT, FROM_OUT, BOTH, BOTH), Action.SUBSCRIBE, false);
    }

    @Test
    void a32InboundUnsubscribe() {
        check(Map.of(NONE, NONE, NONE_OUT, NONE_OUT, NONE_IN, NONE, NONE_OUT_IN, NONE_OUT,
                TO, TO, TO_IN, TO, FROM, NONE, FROM_OUT, NONE_OUT, BOTH, TO), Action.UNSUBSCRIBE, false);
    }

    @Test
    void a33InboundSubscribed() {
        check(Map.of(NONE, NONE, NONE_OUT, TO, NONE_IN, NONE_IN, NONE_OUT_IN, TO_IN,
                TO, TO, TO_IN, TO_IN, FROM, FROM, FROM_OUT, BOTH, BOTH, BOTH), Action.SUBSCRIBED, false);
    }

    @Test
    void a34InboundUnsubscribed() {
        check(Map.of(NONE, NONE, NONE_OUT, NONE, NONE_IN, NONE_IN, NONE_OUT_IN, NONE_IN,
                TO, NONE, TO_IN, NONE_IN, FROM, FROM, FROM_OUT, FROM, BOTH, FROM), Action.UNSUBSCRIBED, false);
    }

    @Test
    void impossibleStatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> s(Subscription.TO, true, false));
        assertThrows(IllegalArgumentException.class, () -> s(Subscription.BOTH, false, true));
        assertThrows(IllegalArgumentException.class, () -> s(Subscription.FROM, false, true));
    }

    @Test
    void actionsOfPresenceTypes() {
        assertEquals(Action.SUBSCRIBE, Action.of(org.xmpp.packet.Presence.Type.subscribe));
        assertEquals(Action.UNSUBSCRIBED, Action.of(org.xmpp.packet.Presence.Type.unsubscribed));
        assertNull(Action.of(org.xmpp.packet.Presence.Type.probe));
        assertNull(Action.of(null));
        assertEquals(org.xmpp.packet.Presence.Type.subscribed, Action.SUBSCRIBED.presenceType());
    }

    @Test
    void subscriptionValues() {
        assertEquals("both", Subscription.BOTH.xmlValue());
        assertEquals(Subscription.FROM, Subscription.parse("from"));
        assertEquals(Subscription.TO, Subscription.FROM.withTo(true).withFrom(false));
    }
}
