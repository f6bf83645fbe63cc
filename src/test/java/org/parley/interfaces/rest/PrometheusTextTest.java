package org.parley.interfaces.rest;

import org.junit.jupiter.api.Test;
import org.parley.xmpp.core.Metrics;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {

    @Test
    void rendersGaugesAndCountersWithHelpAndType() {
        Metrics m = new Metrics();
        String text = MetricsResource.PrometheusText.render(m, new TreeMap<>(Map.of("tcp", 2, "bosh", 1)),
                m.startedAtMillis() + 61_500);
        assertTrue(text.contains("# TYPE parley_sessions gauge\n"), text);
        assertTrue(text.contains("parley_sessions{transport=\"bosh\"} 1\nparley_sessions{transport=\"tcp\"} 2\n"), text);
        assertTrue(text.contains("# TYPE parley_logins_total counter\nparley_logins_total 0\n"), text);
        assertTrue(text.contains("parley_stanzas_routed_total 0\n"), text);
        assertTrue(text.contains("# TYPE parley_sessions_closed_total counter\nparley_sessions_closed_total 0\n"), text);
        assertTrue(text.contains("parley_uptime_seconds 61\n"), text);
        assertTrue(text.endsWith("\n"), "the format ends lines with \\n");
    }

    @Test
    void escapesLabelValues() {
        String text = MetricsResource.PrometheusText.render(new Metrics(), Map.of("a\"b\\c", 1), 0);
        assertTrue(text.contains("parley_sessions{transport=\"a\\\"b\\\\c\"} 1"), text);
    }
}
