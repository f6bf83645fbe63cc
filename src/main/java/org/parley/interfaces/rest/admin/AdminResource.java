package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.parley.api.AccountOperations;
import org.parley.api.ParleyException;
import org.parley.api.UserInfo;
import org.parley.application.AccountService;
import org.parley.application.command.Commands;
import org.xmpp.packet.JID;

import java.util.Map;

import static org.parley.interfaces.rest.admin.AdminRequests.json;
import static org.parley.interfaces.rest.admin.AdminRequests.text;

/**
 * Operator API for scripts (bin/parleyctl): register and list accounts (one account: {@link UserResource},
 * sessions: {@link SessionResource}). Thin over
 * the account service; an administrator manages its own domain only.
 */
@Path("v1/admin")
@AdminAuthenticated
@RequestScoped
public class AdminResource {
    static final int MAX_LIMIT = AccountOperations.MAX_PAGE;
    static final int DEFAULT_LIMIT = 1000;

    @EJB
    AccountService accounts;

    @Inject
    Commands commands;

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
        JID jid = AdminRequests.bare(AdminRequests.string(request, "jid"));
        String password = AdminRequests.string(request, "password");
        if (password == null || password.isEmpty()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "password is required", "password");
        }
        Map<String, Object> args = UserResource.account(jid.toBareJID());
        args.put("password", password);
        RestCommands.run(commands, security, "register", args, e -> e.field() == null
                && e.code() == ParleyException.Code.INVALID || "password".equals(e.field()) ? "password" : "jid");
        return Response.created(uri.getAbsolutePathBuilder().path(jid.toBareJID()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("jid", jid.toBareJID()).build().toString()).build();
    }

    /** {"domain", "count", "offset", "users": [{"jid", "enabled", "admin", "created"}]} */
    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    public Response users(@QueryParam("domain") String domain, @QueryParam("offset") String offset,
                          @QueryParam("limit") String limit) {
        String d = AdminRequests.domain(security, domain);
        int from = number(offset, 0, 0, Integer.MAX_VALUE, "offset");
        JsonArrayBuilder list = Json.createArrayBuilder();
        accounts.users(d, from, number(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "limit"))
                .forEach(u -> list.add(UserResource.json(u)));
        return json(Json.createObjectBuilder().add("domain", d).add("count", accounts.userCount(d))
                .add("offset", from).add("users", list).build());
    }

    /** One account JID per line. */
    @GET
    @Path("users")
    @Produces("text/plain;qs=0.5") // JSON unless the client asks for text
    public Response usersText(@QueryParam("domain") String domain, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit) {
        String d = AdminRequests.domain(security, domain);
        return text(accounts.users(d, number(offset, 0, 0, Integer.MAX_VALUE, "offset"),
                number(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "limit")).stream().map(UserInfo::jid).toList());
    }

    private static int number(String text, int dflt, int min, int max, String field) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw AdminRequests.refuse(Response.Status.BAD_REQUEST, field + " must be an integer from " + min + " to "
                + max, field);
    }
}
