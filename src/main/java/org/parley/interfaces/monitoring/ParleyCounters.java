package org.parley.interfaces.monitoring;

import org.parley.xmpp.core.Metrics;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Every counter Parley keeps, described once: /api/metrics and the Micrometer registry (the management
 * interface's /metrics) both export this list, so a counter added here shows in both.
 *
 * @param name Prometheus name without the {@code _total} suffix, e.g. {@code parley_logins}
 */
public record ParleyCounters(String name, String help, ToLongFunction<Metrics> value) {

    public static final List<ParleyCounters> ALL = List.of(
            new ParleyCounters("parley_logins", "Successful logins since start.", Metrics::logins),
            new ParleyCounters("parley_sessions_opened", "Sessions bound since start.", Metrics::sessionsOpened),
            new ParleyCounters("parley_sessions_closed", "Bound sessions ended since start.", Metrics::sessionsClosed),
            new ParleyCounters("parley_stanzas_routed", "Stanzas routed since start.", Metrics::stanzasRouted));

    /** The name in Micrometer's dotted style, which its Prometheus registry turns back into {@link #name()}. */
    public String meterName() {
        return name.replace('_', '.');
    }
}
