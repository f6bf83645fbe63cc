package org.parley.infrastructure.transport.bosh;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * §10: a polling session (hold=0) must not send an empty request sooner than 'polling' seconds after an empty
 * exchange. Sessions that hold requests are not checked: a page that reloads legitimately sends two empty
 * requests at once. Guarded by the session.
 */
final class PollingGuard {
    private final long minMillis;
    private final LongSupplier clock;
    private long lastEmptyPoll = Long.MIN_VALUE; // none yet

    /**
     * @param pollingSeconds the advertised 'polling'; 0 turns the check off
     * @param clock          monotonic milliseconds (the scheduler's)
     */
    PollingGuard(int pollingSeconds, LongSupplier clock) {
        this.minMillis = TimeUnit.SECONDS.toMillis(pollingSeconds);
        this.clock = clock;
    }

    /** Whether {@code request} (an empty poll if {@code emptyPoll}) comes too soon after an empty exchange. */
    boolean tooSoon(boolean emptyPoll, boolean lastAnswerEmpty) {
        long now = clock.getAsLong();
        boolean tooSoon = emptyPoll && lastEmptyPoll != Long.MIN_VALUE && lastAnswerEmpty && now - lastEmptyPoll < minMillis;
        lastEmptyPoll = emptyPoll ? now : Long.MIN_VALUE;
        return tooSoon && minMillis > 0;
    }
}
