package org.parley.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.command.AdminCommand;
import org.parley.application.command.Arg;
import org.parley.application.command.Commands;

/**
 * Every admin command over HTTP (ejabberd's mod_http_api): {@code GET /api/v1/commands} lists them with their
 * arguments, result and policy; {@code POST /api/v1/commands/{name}} runs one with a JSON object of arguments
 * and answers its result as JSON. bin/parleyctl is built on these two.
 */
@Path("v1/commands")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {
    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    /** [{"name", "description", "args": [{"name", "type", "description", "optional"}], "result", "policy"}] */
    @GET
    public Response list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        commands.all().forEach(c -> list.add(describe(c)));
        return AdminRequests.json(list.build());
    }

    /** Body: {"arg": value, ...} (an empty body: no arguments); answers the result. */
    @POST
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response run(@PathParam("name") String name, String body) {
        JsonObject args = body == null || body.isBlank() ? JsonObject.EMPTY_JSON_OBJECT : AdminRequests.body(body);
        Object result = RestCommands.run(commands, security, name, RestCommands.args(args));
        return Response.ok(RestCommands.json(result).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static JsonObject describe(AdminCommand c) {
        JsonArrayBuilder args = Json.createArrayBuilder();
        for (Arg a : c.args()) {
            args.add(Json.createObjectBuilder().add("name", a.name()).add("type", a.type().jsonName())
                    .add("description", a.description()).add("optional", a.optional()));
        }
        return Json.createObjectBuilder().add("name", c.name()).add("description", c.description())
                .add("args", args).add("result", c.result().jsonName())
                .add("policy", Json.createObjectBuilder().add("name", c.policy().name().toLowerCase(java.util.Locale.ROOT))
                        .add("description", c.policy().description()))
                .build();
    }
}
