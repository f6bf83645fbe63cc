package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.parley.application.AccountService;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.feature.admin.AccountErrors;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;

import static org.parley.interfaces.rest.admin.AdminRequests.json;
import static org.parley.interfaces.rest.admin.AdminRequests.text;

/**
 * Operator API for scripts (bin/parleyctl): register and remove accounts, list accounts and sessions. Thin over
 * the account service; an administrator manages its own domain only.
 */
@Path("v1/admin")
@AdminAuthenticated
@RequestScoped
public class AdminResource {
    static final int MAX_LIMIT = 10_000;

    @EJB
    AccountService accounts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** Body {"jid": "...", "password": "..."}; 201 with the account's location. */
    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        JsonObject request = AdminRequests.body(body);
        JID jid = AdminRequests.account(security, AdminRequests.string(request, "jid"));
        String password = AdminRequests.string(request, "password");
        if (password == null || password.isEmpty()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "password is required", "password");
        }
        try {
            accounts.register(jid.toBareJID(), password, false);
        } catch (RuntimeException e) {
            boolean badPassword = AccountErrors.cause(e)
                    .map(a -> a.reason() == AccountException.Reason.INVALID).orElse(false);
            throw AdminRequests.refused(e, badPassword ? "password" : "jid");
        }
        return Response.created(uri.getAbsolutePathBuilder().path(jid.toBareJID()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("jid", jid.toBareJID()).build().toString()).build();
    }

    /** 204; the account's sessions end. */
    @DELETE
    @Path("users/{jid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unregister(@PathParam("jid") String jidText) {
        JID jid = AdminRequests.account(security, jidText);
        if (jid.equals(AdminRequests.admin(security))) {
            throw AdminRequests.refuse(Response.Status.CONFLICT,
                    "cannot remove the account you are authenticated with", "jid");
        }
        try {
            accounts.unregister(jid.toBareJID());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "jid");
        }
        return Response.noContent().build();
    }

    /** {"domain", "count", "offset", "users": [{"jid", "enabled", "admin", "created"}]} */
    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    public Response users(@QueryParam("domain") String domain, @QueryParam("offset") @DefaultValue("0") int offset,
                          @QueryParam("limit") @DefaultValue("1000") int limit) {
        String d = AdminRequests.domain(security, domain);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Account a : accounts.list(d, offset, clamp(limit))) {
            list.add(Json.createObjectBuilder().add("jid", a.jid()).add("enabled", a.isEnabled())
                    .add("admin", a.isAdmin()).add("created", a.getCreatedAt().toString()));
        }
        return json(Json.createObjectBuilder().add("domain", d).add("count", accounts.count(d))
                .add("offset", Math.max(0, offset)).add("users", list).build());
    }

    /** One account JID per line. */
    @GET
    @Path("users")
    @Produces("text/plain;qs=0.5") // JSON unless the client asks for text
    public Response usersText(@QueryParam("domain") String domain,
                              @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue("1000") int limit) {
        String d = AdminRequests.domain(security, domain);
        return text(accounts.list(d, offset, clamp(limit)).stream().map(Account::jid).toList());
    }

    /** [{"jid", "account", "transport", "address", "since", "priority", "available", "secure"}] */
    @GET
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sessions(@QueryParam("domain") String domain) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ClientSessionView s : accounts.onlineSessions(AdminRequests.domain(security, domain))) {
            list.add(Json.createObjectBuilder().add("jid", s.jid().toString()).add("account", s.jid().toBareJID())
                    .add("transport", s.transport()).add("address", String.valueOf(s.remoteAddress()))
                    .add("since", s.since().toString()).add("priority", s.priority())
                    .add("available", s.isAvailable()).add("secure", s.isSecure()));
        }
        return json(list.build());
    }

    /** One full JID per line. */
    @GET
    @Path("sessions")
    @Produces("text/plain;qs=0.5") // JSON unless the client asks for text
    public Response sessionsText(@QueryParam("domain") String domain) {
        return text(accounts.onlineSessions(AdminRequests.domain(security, domain)).stream()
                .map(s -> s.jid().toString()).toList());
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
