package org.parley.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.api.ParleyException;
import org.parley.application.command.Commands;

import java.util.HashMap;
import java.util.Map;

/** Announcements to online users and the message of the day of the admin's domain. */
@Path("v1/admin/announcements")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnnouncementResource {
    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    /** Body {"domain"?, "subject"?, "body"}; answers {"sent": sessions reached}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response announce(String text) {
        JsonObject request = AdminRequests.body(text);
        Map<String, Object> args = host(AdminRequests.optional(request, "domain"));
        String body = AdminRequests.string(request, "body");
        if (body == null || body.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "body is required", "body");
        }
        args.put("body", body);
        String subject = AdminRequests.optional(request, "subject");
        if (subject != null) {
            args.put("subject", subject);
        }
        long sent = (Long) RestCommands.run(commands, security, "announce", args, AnnouncementResource::field);
        return AdminRequests.json(Json.createObjectBuilder().add("sent", sent).build());
    }

    /** {"domain", "motd": text or null} */
    @GET
    @Path("motd")
    public Response motd(@QueryParam("domain") String domain) {
        Map<String, Object> args = host(domain);
        String motd = (String) RestCommands.run(commands, security, "get_motd", args, e -> "domain");
        JsonObjectBuilder json = Json.createObjectBuilder().add("domain", domain(domain));
        return AdminRequests.json((motd.isEmpty() ? json.addNull("motd") : json.add("motd", motd)).build());
    }

    /** Body {"domain"?, "motd"}; 204. Users get it at their next login. */
    @PUT
    @Path("motd")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setMotd(String text) {
        JsonObject request = AdminRequests.body(text);
        Map<String, Object> args = host(AdminRequests.optional(request, "domain"));
        String motd = AdminRequests.string(request, "motd");
        if (motd == null || motd.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "motd is required", "motd");
        }
        args.put("body", motd);
        RestCommands.run(commands, security, "set_motd", args, e -> "body".equals(e.field()) || e.field() == null
                && e.code() == ParleyException.Code.INVALID ? "motd" : "domain");
        return Response.noContent().build();
    }

    @DELETE
    @Path("motd")
    public Response deleteMotd(@QueryParam("domain") String domain) {
        RestCommands.run(commands, security, "delete_motd", host(domain), e -> "domain");
        return Response.noContent().build();
    }

    /** The command argument host; left out, the command takes the admin's own domain. */
    private static Map<String, Object> host(String domain) {
        Map<String, Object> args = new HashMap<>();
        if (domain != null && !domain.isBlank()) {
            args.put("host", domain);
        }
        return args;
    }

    /** The domain the answer names (the command has checked and normalised it already). */
    private String domain(String requested) {
        return AdminRequests.domain(security, requested);
    }

    private static String field(ParleyException e) {
        return "host".equals(e.field()) ? "domain" : e.field() == null ? "body" : e.field();
    }
}
