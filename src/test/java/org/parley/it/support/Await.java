package org.parley.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling waits with a failure message that says what was expected. */
public final class Await {
    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, Duration.ofMillis(ItConfig.timeoutMillis()), condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Like {@link #until} but the message shows the last observed state. */
    public static <T> T value(String what, Supplier<T> observe, java.util.function.Predicate<T> ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(ItConfig.timeoutMillis()).toNanos();
        T last = observe.get();
        while (!ok.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what + "; last seen: " + last);
            }
            Thread.sleep(50);
            last = observe.get();
        }
        return last;
    }
}
