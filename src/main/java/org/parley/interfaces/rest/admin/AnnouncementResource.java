package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import org.parley.feature.announce.AnnouncementService;

/** Announcements to online users and the message of the day of the admin's domain. */
@Path("v1/admin/announcements")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnnouncementResource {
    @EJB
    AnnouncementService announcements;

    @Context
    SecurityContext security;

    /** Body {"domain"?, "subject"?, "body"}; answers {"sent": sessions reached}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response announce(String text) {
        JsonObject request = AdminRequests.body(text);
        String domain = AdminRequests.domain(security, AdminRequests.optional(request, "domain"));
        String body = AdminRequests.string(request, "body");
        if (body == null || body.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "body is required", "body");
        }
        try {
            int sent = announcements.announce(domain, AdminRequests.optional(request, "subject"), body);
            return AdminRequests.json(Json.createObjectBuilder().add("sent", sent).build());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "body");
        }
    }

    /** {"domain", "motd": text or null} */
    @GET
    @Path("motd")
    public Response motd(@QueryParam("domain") String domain) {
        String d = AdminRequests.domain(security, domain);
        String motd;
        try {
            motd = announcements.motd(d);
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "domain");
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("domain", d);
        return AdminRequests.json((motd == null ? json.addNull("motd") : json.add("motd", motd)).build());
    }

    /** Body {"domain"?, "motd"}; 204. Users get it at their next login. */
    @PUT
    @Path("motd")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setMotd(String text) {
        JsonObject request = AdminRequests.body(text);
        String domain = AdminRequests.domain(security, AdminRequests.optional(request, "domain"));
        String motd = AdminRequests.string(request, "motd");
        if (motd == null || motd.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "motd is required", "motd");
        }
        return update(domain, motd, "motd");
    }

    @DELETE
    @Path("motd")
    public Response deleteMotd(@QueryParam("domain") String domain) {
        return update(AdminRequests.domain(security, domain), null, "domain");
    }

    private Response update(String domain, String motd, String field) {
        try {
            announcements.setMotd(domain, motd);
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, field);
        }
        return Response.noContent().build();
    }
}
