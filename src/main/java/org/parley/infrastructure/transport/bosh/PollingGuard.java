package org.parley.infrastructure.transport.bosh;

import java.util.concurrent.TimeUnit;

/**
 * §10: a polling session (hold=0) must not send an empty request sooner than 'polling' seconds after an empty
 * exchange. Sessions that hold requests are not checked: a page that reloads legitimately sends two empty
 * requests at once. Guarded by the session.
 */
final class PollingGuard {
    private final long minNanos;
    private long lastEmptyPoll = -1;

    /** @param pollingSeconds the advertised 'polling'; 0 turns the check off */
    PollingGuard(int pollingSeconds) {
        this.minNanos = TimeUnit.SECONDS.toNanos(pollingSeconds);
    }

    /** Whether {@code request} (an empty poll if {@code emptyPoll}) comes too soon after an empty exchange. */
    boolean tooSoon(boolean emptyPoll, boolean lastAnswerEmpty) {
        long now = System.nanoTime();
        boolean tooSoon = emptyPoll && lastEmptyPoll >= 0 && lastAnswerEmpty && now - lastEmptyPoll < minNanos;
        lastEmptyPoll = emptyPoll ? now : -1;
        return tooSoon && minNanos > 0;
    }
}
