package org.parley.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GET /api/openapi: the OpenAPI description generated from the JAX-RS resources at build time (SmallRye OpenAPI's
 * Maven plugin writes openapi.yaml and openapi.json next to this class). YAML by default; JSON with
 * {@code ?format=JSON} or {@code Accept: application/json}.
 */
@Path("openapi")
@RequestScoped
public class OpenApiResource {
    static final String YAML = "application/yaml";

    @GET
    public Response document(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean json = format != null ? "json".equalsIgnoreCase(format)
                : accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains("yaml");
        return json ? file("openapi.json", MediaType.APPLICATION_JSON) : file("openapi.yaml", YAML);
    }

    private static Response file(String name, String type) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(name)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), type).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
