package org.parley.infrastructure.transport.bosh;

import java.util.ArrayList;
import java.util.List;

/**
 * What tells a client that its BOSH session ended (XEP-0124 §13, §17): the oldest waiting request carries the
 * terminal body with any undelivered payloads, the others a short one. With no request waiting, the terminal
 * body is kept for the next request, and requests after that learn that the session is unknown. Guarded by
 * the session.
 */
final class TerminalResponses {
    private final boolean legacy;
    /** The terminal body no request was there to carry yet. */
    private String unsent;

    /** @param legacy the client sent no 'ver': errors also carry HTTP error codes (§17.1) */
    TerminalResponses(boolean legacy) {
        this.legacy = legacy;
    }

    /**
     * Answers the {@code waiting} requests, then {@code trigger} (the request that ended the session, or null).
     *
     * @param output what the stream sent and no response carried yet
     * @param extra  a last payload (the stream error), or null
     * @return whether a request carried the terminal body; if not, it waits for {@link #answerLate}
     */
    boolean send(String condition, List<String> output, String extra, List<Pending> waiting, Exchange trigger,
                 Replies r) {
        List<String> payloads = new ArrayList<>(output);
        if (extra != null) {
            payloads.add(extra);
        }
        String first = ResponseBodies.terminate(condition, payloads);
        String rest = condition == null ? ResponseBodies.EMPTY : ResponseBodies.terminate(condition, List.of());
        List<Exchange> exchanges = new ArrayList<>();
        for (Pending p : waiting) {
            Timers.cancel(p.timer);
            exchanges.add(p.exchange);
        }
        if (trigger != null) {
            exchanges.add(trigger);
        }
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange e = exchanges.get(i);
            int status = e == trigger && legacy ? ResponseBodies.legacyStatus(condition) : 200;
            r.add(e, status, i == 0 ? first : rest);
        }
        if (exchanges.isEmpty()) {
            unsent = first;
            return false;
        }
        return true;
    }

    /**
     * A request after the end: the terminal body if none carried it yet, else item-not-found.
     *
     * @return whether this was the terminal body (the session can then be forgotten)
     */
    boolean answerLate(Exchange exchange, Replies r) {
        if (unsent != null) { // the stream ended while no request was there to say so
            r.add(exchange, 200, unsent);
            unsent = null;
            return true;
        }
        r.add(exchange, legacy ? 404 : 200, ResponseBodies.terminate(BoshSession.ITEM_NOT_FOUND, List.of()));
        return false;
    }

    /** No request came for the terminal body in time. */
    void forget() {
        unsent = null;
    }
}
