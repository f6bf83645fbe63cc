package org.parley.interfaces.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.parley.application.ServerOverview;
import org.parley.application.XmppServerBean;
import org.parley.xmpp.core.Metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Parley's counters and gauges in WildFly's Micrometer registry, which the management interface serves in
 * the Prometheus format at /metrics (wildfly/configure.cli adds the registry). Meters read the live values
 * when scraped; nothing is copied.
 */
@Startup
@Singleton
@DependsOn("XmppServerBean")
public class ParleyMeters {

    @Inject
    MeterRegistry registry;

    @EJB
    XmppServerBean xmpp;

    @EJB
    ServerOverview overview;

    /** The registry holds the meters' state objects weakly. */
    private List<Object> state;

    @PostConstruct
    void register() {
        state = bind(registry, xmpp.server().metrics(), overview::sessionsByTransport);
    }

    /**
     * Registers every meter on {@code registry} and returns the state objects to keep. Uses the registry's
     * methods, not the meter builders: WildFly 39's per-deployment registry forwards only these to the
     * registry that /metrics shows (meters built with a builder stay in the deployment's own registry).
     */
    static List<Object> bind(MeterRegistry registry, Metrics metrics, Supplier<Map<String, Integer>> sessions) {
        for (ParleyCounters c : ParleyCounters.ALL) {
            registry.more().counter(c.meterName(), Tags.empty(), metrics, m -> c.value().applyAsLong(m));
        }
        for (String transport : ServerOverview.TRANSPORTS) {
            registry.gauge("parley.sessions", Tags.of("transport", transport), sessions,
                    s -> s.get().getOrDefault(transport, 0));
        }
        registry.more().timeGauge("parley.uptime", Tags.empty(), metrics, TimeUnit.MILLISECONDS,
                m -> Math.max(0, System.currentTimeMillis() - m.startedAtMillis()));
        return List.of(metrics, sessions);
    }
}
