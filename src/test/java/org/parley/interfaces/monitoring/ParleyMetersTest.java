package org.parley.interfaces.monitoring;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.core.Metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParleyMetersTest {

    @Test
    void registersEveryCounterAndTheSessionGaugesWithLiveValues() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics metrics = new Metrics();
        Map<String, Integer> sessions = new HashMap<>(Map.of("tcp", 3, "bosh", 1));
        ParleyMeters.bind(registry, metrics, () -> sessions);

        for (ParleyCounters c : ParleyCounters.ALL) {
            assertNotNull(registry.find(c.meterName()).functionCounter(), c.meterName());
            assertEquals(0.0, registry.find(c.meterName()).functionCounter().count());
        }
        assertEquals(3.0, registry.find("parley.sessions").tag("transport", "tcp").gauge().value());
        assertEquals(1.0, registry.find("parley.sessions").tag("transport", "bosh").gauge().value());
        assertEquals(0.0, registry.find("parley.sessions").tag("transport", "websocket").gauge().value());
        sessions.put("websocket", 7);
        assertEquals(7.0, registry.find("parley.sessions").tag("transport", "websocket").gauge().value(),
                "gauges read the current value when scraped");
        assertTrue(registry.find("parley.uptime").timeGauge().value(TimeUnit.MILLISECONDS) >= 0);
    }
}
