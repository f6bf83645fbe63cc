package org.parley.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /api/openapi: the OpenAPI 3 description of the REST API: openapi.yaml next to this class, with the host
 * settings' schema generated from the setting catalog ({@link HostSettingsSchema}).
 */
@Path("openapi")
@RequestScoped
public class OpenApiResource {
    static final String YAML = "application/yaml";

    @GET
    @Produces({YAML, "text/plain;qs=0.5"})
    public Response document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Response.ok(HostSettingsSchema.insertInto(yaml)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
