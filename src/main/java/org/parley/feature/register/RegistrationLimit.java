package org.parley.feature.register;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code max} registrations per domain and minute (fixed windows). Before authentication the IQ handler
 * does not learn the client's address, so the limit is per domain rather than per IP: it caps mass account
 * creation without tracking clients. {@code max <= 0} disables it.
 */
final class RegistrationLimit {
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private record Window(long start, int count) {
    }

    private final int max;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RegistrationLimit(int max, LongSupplier nanos) {
        this.max = max;
        this.nanos = nanos;
    }

    /** Counts one registration attempt; false if the domain's budget for this minute is spent. */
    boolean tryAcquire(String domain) {
        if (max <= 0) {
            return true;
        }
        long now = nanos.getAsLong();
        boolean[] ok = new boolean[1];
        windows.compute(domain, (d, w) -> {
            if (w == null || now - w.start() >= WINDOW_NANOS) {
                ok[0] = true;
                return new Window(now, 1);
            }
            ok[0] = w.count() < max;
            return ok[0] ? new Window(w.start(), w.count() + 1) : w;
        });
        return ok[0];
    }
}
