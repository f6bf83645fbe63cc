package org.parley.feature.ping;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PingTimingTest {
    @AfterEach
    void clear() {
        System.clearProperty("parley.ping.interval.seconds");
        System.clearProperty("parley.ping.mobile.example.interval.seconds");
        System.clearProperty("parley.ping.mobile.example.timeout.seconds");
    }

    @Test
    void defaultsApplyToEveryDomain() {
        PingTiming t = PingTiming.fromConfig();
        assertEquals(60_000, t.interval("any.example"));
        assertEquals(30_000, t.timeout("any.example"));
        assertEquals(60_000, t.sweepEvery());
    }

    @Test
    void aDomainCanBePingedSoonerAndTheSweepFollowsTheShortestInterval() {
        System.setProperty("parley.ping.mobile.example.interval.seconds", "5");
        System.setProperty("parley.ping.mobile.example.timeout.seconds", "4");
        PingTiming t = PingTiming.fromConfig();
        assertEquals(5_000, t.interval("mobile.example"));
        assertEquals(4_000, t.timeout("mobile.example"));
        assertEquals(60_000, t.interval("other.example"));
        assertEquals(5_000, t.sweepEvery());
    }

    @Test
    void zeroSwitchesPingsOffUnlessADomainWantsThem() {
        System.setProperty("parley.ping.interval.seconds", "0");
        assertFalse(PingTiming.fromConfig().enabled());
        System.setProperty("parley.ping.mobile.example.interval.seconds", "5");
        PingTiming t = PingTiming.fromConfig();
        assertTrue(t.enabled());
        assertEquals(0, t.interval("other.example"));
        assertEquals(5_000, t.sweepEvery());
    }
}
