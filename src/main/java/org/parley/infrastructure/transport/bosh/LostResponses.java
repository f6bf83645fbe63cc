package org.parley.infrastructure.transport.bosh;

/**
 * How a client gets back responses it lost: its acknowledgements (XEP-0124 §9.2) say which responses may be
 * forgotten and which one never arrived, and a request sent again (§14.3) gets its response again or takes over
 * the connection of its copy still waiting. Guarded by the session, like the window and held requests it uses.
 */
final class LostResponses {
    /** Responses kept for a client that acknowledges them, until it does. */
    static final int UNACKNOWLEDGED_KEPT = 8;

    /** What became of a request in {@link #answerResend}. */
    enum Resend {
        /** not a resend: a new rid */
        NEW,
        /** answered again, or now waits on the new connection */
        ANSWERED,
        /** processed before, but its response is no longer kept: the session ends with item-not-found */
        UNKNOWN
    }

    private final boolean acks;
    private final RidWindow<Pending> window;
    private final HeldRequests held;

    LostResponses(boolean acks, RidWindow<Pending> window, HeldRequests held) {
        this.acks = acks;
        this.window = window;
        this.held = held;
    }

    /** The rid window of a session: clients that acknowledge get unacknowledged responses back, even after later requests. */
    static RidWindow<Pending> window(long creationRid, Negotiated params) {
        return new RidWindow<>(creationRid, params.requests(),
                params.acks() ? Math.max(params.requests(), UNACKNOWLEDGED_KEPT) : params.requests());
    }

    /** The responses a request acknowledges need not be kept any longer. */
    void acknowledge(BoshRequest request, long rid) {
        if (acks) { // without 'ack' the client got every response before this request (§9.2)
            Long ack = BoshRequest.number(request.attribute("ack"));
            window.acknowledged(Math.min(ack == null ? rid - 1 : ack, rid - 1));
        }
    }

    /**
     * Answers {@code rid} if it was sent before: processed (§14.3: its kept response, or the connection of its
     * held copy) or parked before its turn; the connection given up gets a recoverable error.
     */
    Resend answerResend(long rid, Exchange exchange, Replies r) {
        if (window.seen(rid)) {
            String response = window.response(rid);
            Pending h = held.get(rid);
            if (response != null) {
                r.add(exchange, 200, response);
            } else if (h != null) {
                takeOver(h, exchange, r);
            } else {
                return Resend.UNKNOWN;
            }
            return Resend.ANSWERED;
        }
        Pending parked = window.waiting(rid); // parked rids always lie in the window (RidWindow.acceptable)
        if (parked == null) {
            return Resend.NEW;
        }
        takeOver(parked, exchange, r);
        return Resend.ANSWERED;
    }

    private static void takeOver(Pending p, Exchange exchange, Replies r) {
        r.add(p.exchange, 200, ResponseBodies.RECOVERABLE);
        p.exchange = exchange;
    }

    /**
     * §9.2: the 'ack' of {@code p} shows that a response we sent never reached the client (e.g. the browser
     * aborted it while reloading the page): {@code p} is answered at once with 'report' and 'time'; the client
     * then resends the missed rid and gets that response again (§14.3), stanzas included.
     */
    void reportMissed(Pending p, Replies r) {
        if (acks && held.markMissed(p, BoshRequest.number(p.request.attribute("ack")))) {
            held.answerUpTo(p.rid, r);
        }
    }
}
