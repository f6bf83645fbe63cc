package org.parley.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.parley.application.ServerOverview;
import org.parley.interfaces.monitoring.ParleyCounters;
import org.parley.xmpp.core.Metrics;

import java.util.Map;

/**
 * GET /api/metrics in the Prometheus text format (0.0.4). Unauthenticated like /api/status: it tells counts
 * only; keep the HTTP listener on loopback or behind a proxy that limits who reaches /api/metrics.
 * The same counters ({@link ParleyCounters}) are in WildFly's Micrometer registry, served with the server's
 * own metrics on the management interface at /metrics.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @EJB
    ServerOverview overview;

    @GET
    @Produces(CONTENT_TYPE)
    public Response metrics() {
        return Response.ok(PrometheusText.render(overview.metrics(), overview.sessionsByTransport(),
                System.currentTimeMillis()), CONTENT_TYPE).build();
    }

    /** The exposition text, apart from the container for unit tests. */
    static final class PrometheusText {
        private PrometheusText() {
        }

        static String render(Metrics m, Map<String, Integer> sessionsByTransport, long nowMillis) {
            StringBuilder b = new StringBuilder();
            b.append("# HELP parley_sessions Bound client sessions.\n# TYPE parley_sessions gauge\n");
            sessionsByTransport.forEach((t, n) -> b.append("parley_sessions{transport=\"").append(escape(t))
                    .append("\"} ").append(n).append('\n'));
            for (ParleyCounters c : ParleyCounters.ALL) {
                counter(b, c.name() + "_total", c.help(), c.value().applyAsLong(m));
            }
            b.append("# HELP parley_uptime_seconds Seconds since the XMPP server started.\n")
                    .append("# TYPE parley_uptime_seconds gauge\n")
                    .append("parley_uptime_seconds ").append(Math.max(0, (nowMillis - m.startedAtMillis()) / 1000))
                    .append('\n');
            return b.toString();
        }

        private static void counter(StringBuilder b, String name, String help, long value) {
            b.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" counter\n")
                    .append(name).append(' ').append(value).append('\n');
        }

        private static String escape(String label) {
            return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
    }
}
