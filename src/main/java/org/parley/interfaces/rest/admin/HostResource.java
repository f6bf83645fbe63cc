package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.api.ParleyException;
import org.parley.application.HostService;
import org.parley.application.HostSettingCatalog;
import org.parley.application.command.Caller;
import org.parley.application.command.Commands;
import org.parley.xmpp.spi.HostSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Virtual hosts, run as the admin commands registered_vhosts, add_host, remove_host, get_host_settings,
 * set_host_setting and announce (their policies: any administrator lists; server administrators add and remove
 * domains and manage every domain's settings; a domain's administrators its own settings and broadcasts).
 */
@Path("v1/hosts")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {
    @EJB
    HostService hosts;

    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** [{"domain", "managed"}]: managed when the caller may manage the domain's settings. */
    @GET
    public Response list() {
        Caller caller = RestCommands.caller(security);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Object d : (List<?>) RestCommands.run(commands, security, "registered_vhosts", Map.of())) {
            list.add(Json.createObjectBuilder().add("domain", d.toString())
                    .add("managed", commands.may(caller, "get_host_settings", Map.of("host", d))));
        }
        return AdminRequests.json(list.build());
    }

    /**
     * Body {"domain", "admin"?: {"jid", "password"}}; 201 with the new domain's settings (defaults). The
     * optional admin is the new domain's first administrator account, created in the same transaction.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String text) {
        JsonObject request = AdminRequests.body(text);
        for (String key : request.keySet()) {
            if (!key.equals("domain") && !key.equals("admin")) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "unknown member " + key, key);
            }
        }
        String domain = AdminRequests.string(request, "domain");
        if (domain == null || domain.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "domain is required", "domain");
        }
        Map<String, Object> args = new HashMap<>();
        args.put("host", domain.trim());
        if (request.containsKey("admin") && request.get("admin").getValueType() != JsonValue.ValueType.NULL) {
            if (!(request.get("admin") instanceof JsonObject admin)) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "admin is {\"jid\", \"password\"}", "admin");
            }
            String adminJid = AdminRequests.string(admin, "jid");
            String adminPassword = AdminRequests.string(admin, "password");
            if (adminJid == null || adminJid.isBlank()) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "admin.jid is required", "admin.jid");
            }
            if (adminPassword == null || adminPassword.isEmpty()) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "admin.password is required",
                        "admin.password");
            }
            args.put("admin", adminJid);
            args.put("password", adminPassword);
        }
        RestCommands.run(commands, security, "add_host", args, FIELDS);
        String added = HostService.normalise(domain.trim());
        return Response.created(uri.getAbsolutePathBuilder().path(added).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(settings(added).toString()).build();
    }

    @GET
    @Path("{domain}")
    @APIResponse(responseCode = "200", description = "The domain's settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostSettings")))
    public Response get(@PathParam("domain") String domain) {
        return AdminRequests.json(settings(domain));
    }

    private JsonObject settings(String domain) {
        Map<?, ?> plain = (Map<?, ?>) RestCommands.run(commands, security, "get_host_settings",
                Map.of("host", domain), FIELDS);
        return HostJson.write(HostService.normalise(domain), plain);
    }

    /**
     * Body: any subset of the settings; the others keep their values. Each changed setting is checked as a
     * set_host_setting call (403 naming a setting reserved to server administrators). Answers the new settings.
     */
    @PUT
    @Path("{domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The domain's settings after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HostSettings")))
    public Response update(@PathParam("domain") String domain,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "HostSettings"))) String text) {
        JsonObject request = AdminRequests.body(text);
        Caller caller = RestCommands.caller(security);
        // the read is checked first: a domain the caller may not manage is 403 whether or not it exists
        RestCommands.run(commands, security, "get_host_settings", Map.of("host", domain), FIELDS);
        try {
            HostSettings next = HostJson.merge(hosts.get(domain), request);
            return AdminRequests.json(HostJson.write(commands.updateHost(caller, next)));
        } catch (HostSettingCatalog.BadSetting e) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, e.getMessage(), e.name());
        } catch (ParleyException e) {
            String field = FIELDS.apply(e);
            throw new WebApplicationException(ApiError.of(new ParleyException(e.code(), e.getMessage(), field),
                    field));
        }
    }

    /** 204; 409 for the caller's own domain. The domain's stored accounts and data stay. */
    @DELETE
    @Path("{domain}")
    public Response remove(@PathParam("domain") String domain) {
        RestCommands.run(commands, security, "remove_host", Map.of("host", domain), FIELDS);
        return Response.noContent().build();
    }

    /** Body {"body", "subject"?}: a headline to every available session of the domain; {"sent": n}. */
    @POST
    @Path("{domain}/broadcast")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response broadcast(@PathParam("domain") String domain, String text) {
        JsonObject request = AdminRequests.body(text);
        String body = AdminRequests.string(request, "body");
        if (body == null || body.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "body is required", "body");
        }
        Map<String, Object> args = new HashMap<>();
        args.put("host", domain);
        args.put("body", body);
        args.put("subject", AdminRequests.optional(request, "subject"));
        // the announcement service's refusals (too long, ...) are about the body
        Number sent = (Number) RestCommands.run(commands, security, "announce", args,
                e -> e.field() == null ? "body" : FIELDS.apply(e));
        return AdminRequests.json(Json.createObjectBuilder().add("sent", sent.longValue()).build());
    }

    /** This API's field names for the commands' arguments (and the host service's). */
    private static final Function<ParleyException, String> FIELDS = e -> {
        String f = e.field();
        if (f == null || f.equals("host")) {
            return "domain";
        }
        return switch (f) {
            case "admin" -> "admin.jid";
            case "password" -> "admin.password";
            default -> f;
        };
    };
}
