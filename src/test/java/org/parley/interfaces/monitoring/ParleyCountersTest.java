package org.parley.interfaces.monitoring;

import org.junit.jupiter.api.Test;
import org.parley.xmpp.core.Metrics;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParleyCountersTest {

    /** A counter added to Metrics but not to ParleyCounters.ALL would be counted and never shown. */
    @Test
    void everyCounterOfMetricsIsExported() {
        Set<String> exported = ParleyCounters.ALL.stream().map(ParleyCounters::name).collect(Collectors.toSet());
        int counters = 0;
        for (Method m : Metrics.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == long.class && m.getParameterCount() == 0
                    && !m.getName().equals("startedAtMillis")) {
                counters++;
                String name = "parley_" + m.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
                assertTrue(exported.contains(name), "Metrics." + m.getName() + " is not exported as " + name);
            }
        }
        assertEquals(counters, exported.size(), "one exported counter per counter of Metrics");
        assertTrue(exported.contains("parley_sessions_closed"));
    }

    @Test
    void micrometerNamesAreDotted() {
        assertEquals("parley.sessions.closed", ParleyCounters.ALL.stream()
                .filter(c -> c.name().equals("parley_sessions_closed")).findFirst().orElseThrow().meterName());
    }
}
