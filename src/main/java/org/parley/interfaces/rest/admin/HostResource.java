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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.parley.api.HostInfo;
import org.parley.application.HostService;
import org.parley.application.HostSettingCatalog;
import org.parley.application.SettingRefused;
import org.parley.feature.admin.AdminPolicy;
import org.parley.feature.announce.AnnouncementService;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.JID;

/**
 * Virtual hosts: any administrator lists, adds and removes domains (not its own); the settings of a domain
 * and its broadcasts belong to the administrators of that domain.
 */
@Path("v1/hosts")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {
    @EJB
    HostService hosts;

    @EJB
    AnnouncementService announcements;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** [{"domain", "managed"}]: managed when the caller administers it. */
    @GET
    public Response list() {
        JID admin = AdminRequests.admin(security);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (HostSettings h : hosts.list()) {
            list.add(Json.createObjectBuilder().add("domain", h.domain())
                    .add("managed", AdminPolicy.mayManage(admin, h.domain())));
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
        String adminJid = null;
        String adminPassword = null;
        if (request.containsKey("admin") && request.get("admin").getValueType() != JsonValue.ValueType.NULL) {
            if (!(request.get("admin") instanceof JsonObject admin)) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "admin is {\"jid\", \"password\"}", "admin");
            }
            adminJid = AdminRequests.string(admin, "jid");
            adminPassword = AdminRequests.string(admin, "password");
            if (adminJid == null || adminJid.isBlank()) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "admin.jid is required", "admin.jid");
            }
            if (adminPassword == null || adminPassword.isEmpty()) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "admin.password is required",
                        "admin.password");
            }
        }
        HostInfo added;
        try {
            added = hosts.createHost(domain.trim(), adminJid, adminPassword);
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "domain");
        }
        return Response.created(uri.getAbsolutePathBuilder().path(added.domain()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(HostJson.write(hosts.get(added.domain())).toString())
                .build();
    }

    @GET
    @Path("{domain}")
    public Response get(@PathParam("domain") String domain) {
        String d = AdminRequests.domain(security, domain);
        try {
            return AdminRequests.json(HostJson.write(hosts.get(d)));
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "domain");
        }
    }

    /** Body: any subset of the settings; the others keep their values. Answers the new settings. */
    @PUT
    @Path("{domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("domain") String domain, String text) {
        String d = AdminRequests.domain(security, domain);
        JsonObject request = AdminRequests.body(text);
        try {
            HostSettings next = HostJson.merge(hosts.get(d), request);
            return AdminRequests.json(HostJson.write(hosts.update(next, AdminRequests.admin(security))));
        } catch (HostSettingCatalog.BadSetting e) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, e.getMessage(), e.name());
        } catch (SettingRefused e) {
            throw AdminRequests.refuse(Response.Status.FORBIDDEN, e.getMessage(), e.setting());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "domain");
        }
    }

    /** 204; 409 for the caller's own domain. The domain's stored accounts and data stay. */
    @DELETE
    @Path("{domain}")
    public Response remove(@PathParam("domain") String domain) {
        String d;
        try {
            d = new JID(null, domain.trim(), null).getDomain();
        } catch (IllegalArgumentException e) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "not a valid domain", "domain");
        }
        if (AdminPolicy.mayManage(AdminRequests.admin(security), d)) {
            throw AdminRequests.refuse(Response.Status.CONFLICT,
                    "cannot remove the domain of the account you are authenticated with", "domain");
        }
        try {
            hosts.remove(d);
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "domain");
        }
        return Response.noContent().build();
    }

    /** Body {"body", "subject"?}: a headline to every available session of the domain; {"sent": n}. */
    @POST
    @Path("{domain}/broadcast")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response broadcast(@PathParam("domain") String domain, String text) {
        String d = AdminRequests.domain(security, domain);
        JsonObject request = AdminRequests.body(text);
        String body = AdminRequests.string(request, "body");
        if (body == null || body.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "body is required", "body");
        }
        try {
            int sent = announcements.announce(d, AdminRequests.optional(request, "subject"), body);
            return AdminRequests.json(Json.createObjectBuilder().add("sent", sent).build());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "body");
        }
    }
}
