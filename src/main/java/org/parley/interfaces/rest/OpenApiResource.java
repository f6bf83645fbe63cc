package org.parley.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * GET /api/openapi, the documented address of the OpenAPI description: redirects (307) to /openapi, where
 * WildFly's MicroProfile OpenAPI serves the description generated from the JAX-RS resources (YAML by default,
 * JSON with ?format=JSON or Accept: application/json). The query string goes along.
 */
@Path("openapi")
@RequestScoped
public class OpenApiResource {
    static final String GENERATED = "/openapi";

    @Context
    UriInfo uri;

    @GET
    public Response document() {
        return Response.temporaryRedirect(uri.getBaseUriBuilder().replacePath(GENERATED)
                .replaceQuery(uri.getRequestUri().getRawQuery()).build()).build();
    }
}
