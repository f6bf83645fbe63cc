package org.parley.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes for orchestrators on the public HTTP port, unauthenticated: the same MicroProfile Health checks
 * (org.parley.interfaces.monitoring) that the management interface serves at /health/live and /health/ready,
 * summed up as 200 {"status":"UP"} or 503 {"status":"DOWN"} (the management interface shows each check).
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @GET
    @Path("live")
    public Response live() {
        return status(allUp(liveness));
    }

    @GET
    @Path("ready")
    public Response ready() {
        return status(allUp(readiness));
    }

    static boolean allUp(Iterable<HealthCheck> checks) {
        for (HealthCheck check : checks) {
            try {
                if (check.call().getStatus() != HealthCheckResponse.Status.UP) {
                    return false;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Health check failed", e);
                return false;
            }
        }
        return true;
    }

    private static Response status(boolean up) {
        String body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").build().toString();
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
