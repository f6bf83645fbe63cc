package org.parley.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.infrastructure.persistence.SchemaMigrator;
import org.parley.infrastructure.transport.bosh.BoshService;

/**
 * GET /api/status: {@code {"status":"UP","database":"h2","schemaVersion":1,"migrationsApplied":1,"boshSessions":0}}, or 503 with
 * {@code "status":"DOWN"} when the database does not answer.
 */
@Path("status")
@RequestScoped
public class StatusResource {

    private static final Logger LOG = Logger.getLogger(StatusResource.class.getName());

    @Inject
    SchemaMigrator schema;

    @Inject
    BoshService bosh;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        try {
            JsonObject body = Json.createObjectBuilder()
                    .add("status", "UP")
                    .add("database", schema.dialect())
                    .add("schemaVersion", schema.schemaVersion())
                    .add("migrationsApplied", schema.migrationsApplied())
                    .add("boshSessions", bosh.liveSessions())
                    .build();
            return Response.ok(body).build();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Status check failed", e);
            JsonObject body = Json.createObjectBuilder()
                    .add("status", "DOWN")
                    .add("error", String.valueOf(e.getMessage()))
                    .build();
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
        }
    }
}
