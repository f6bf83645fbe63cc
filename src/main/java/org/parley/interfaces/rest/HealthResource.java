package org.parley.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.infrastructure.persistence.SchemaMigrator;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes for orchestrators, unauthenticated: live answers while the application runs; ready asks the
 * database as /api/status does and answers 503 {"status":"DOWN"} when it does not answer.
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());

    @Inject
    SchemaMigrator schema;

    @GET
    @Path("live")
    public Response live() {
        return status(true);
    }

    @GET
    @Path("ready")
    public Response ready() {
        try {
            schema.schemaVersion();
            return status(true);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Readiness check failed", e);
            return status(false);
        }
    }

    private static Response status(boolean up) {
        String body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").build().toString();
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
