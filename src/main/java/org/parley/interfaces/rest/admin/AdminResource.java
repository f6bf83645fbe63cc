package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
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
import org.parley.feature.admin.AdminPolicy;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Operator API for scripts (bin/parleyctl): register and remove accounts, list accounts and sessions. Thin over
 * the account service; an administrator manages its own domain only ({@link AdminPolicy}).
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
        JsonObject json;
        try (JsonReader r = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = r.readObject();
        } catch (JsonException | IllegalStateException e) {
            return ApiError.of(Response.Status.BAD_REQUEST, "the body must be a JSON object", null);
        }
        String jidText = string(json, "jid");
        String password = string(json, "password");
        if (jidText == null || jidText.isBlank()) {
            return ApiError.of(Response.Status.BAD_REQUEST, "jid is required", "jid");
        }
        if (password == null || password.isEmpty()) {
            return ApiError.of(Response.Status.BAD_REQUEST, "password is required", "password");
        }
        JID jid;
        try {
            jid = AccountService.bare(jidText);
        } catch (AccountException e) {
            return ApiError.of(e, "jid");
        }
        if (!AdminPolicy.mayManage(admin(), jid.getDomain())) {
            return forbidden("jid");
        }
        try {
            accounts.register(jid.toBareJID(), password, false);
        } catch (RuntimeException e) {
            AccountException a = AccountErrors.cause(e).orElseThrow(() -> e);
            return ApiError.of(a, a.reason() == AccountException.Reason.INVALID ? "password" : "jid");
        }
        String json201 = Json.createObjectBuilder().add("jid", jid.toBareJID()).build().toString();
        return Response.created(uri.getAbsolutePathBuilder().path(jid.toBareJID()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(json201).build();
    }

    @DELETE
    @Path("users/{jid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unregister(@PathParam("jid") String jidText) {
        JID jid;
        try {
            jid = AccountService.bare(jidText);
        } catch (AccountException e) {
            return ApiError.of(e, "jid");
        }
        if (!AdminPolicy.mayManage(admin(), jid.getDomain())) {
            return forbidden("jid");
        }
        if (jid.equals(admin())) {
            return ApiError.of(Response.Status.CONFLICT, "cannot remove the account you are authenticated with",
                    "jid");
        }
        try {
            accounts.unregister(jid.toBareJID());
        } catch (RuntimeException e) {
            return ApiError.of(AccountErrors.cause(e).orElseThrow(() -> e), "jid");
        }
        return Response.noContent().build();
    }

    /** {"domain", "count", "offset", "users": [{"jid", "enabled", "admin", "created"}]} */
    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    public Response users(@QueryParam("domain") String domain, @QueryParam("offset") @DefaultValue("0") int offset,
                          @QueryParam("limit") @DefaultValue("1000") int limit) {
        return withDomain(domain, d -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Account a : accounts.list(d, offset, clamp(limit))) {
                list.add(Json.createObjectBuilder().add("jid", a.jid()).add("enabled", a.isEnabled())
                        .add("admin", a.isAdmin()).add("created", a.getCreatedAt().toString()));
            }
            return json(Json.createObjectBuilder().add("domain", d).add("count", accounts.count(d))
                    .add("offset", Math.max(0, offset)).add("users", list).build());
        });
    }

    /** One account JID per line, for shell scripts. */
    @GET
    @Path("users")
    @Produces(MediaType.TEXT_PLAIN)
    public Response usersText(@QueryParam("domain") String domain,
                              @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue("1000") int limit) {
        return withDomain(domain, d -> text(accounts.list(d, offset, clamp(limit)).stream().map(Account::jid)
                .toList()));
    }

    /** [{"jid", "account", "transport", "address", "since", "priority", "available", "secure"}] */
    @GET
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sessions(@QueryParam("domain") String domain) {
        return withDomain(domain, d -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (ClientSessionView s : accounts.onlineSessions(d)) {
                list.add(Json.createObjectBuilder().add("jid", s.jid().toString())
                        .add("account", s.jid().toBareJID()).add("transport", s.transport())
                        .add("address", String.valueOf(s.remoteAddress())).add("since", s.since().toString())
                        .add("priority", s.priority()).add("available", s.isAvailable())
                        .add("secure", s.isSecure()));
            }
            return json(list.build());
        });
    }

    /** One full JID per line, for shell scripts. */
    @GET
    @Path("sessions")
    @Produces(MediaType.TEXT_PLAIN)
    public Response sessionsText(@QueryParam("domain") String domain) {
        return withDomain(domain, d -> text(accounts.onlineSessions(d).stream().map(s -> s.jid().toString())
                .toList()));
    }

    private Response withDomain(String domain, java.util.function.Function<String, Response> action) {
        String d;
        try {
            d = domain == null || domain.isBlank() ? admin().getDomain() : new JID(null, domain.trim(), null)
                    .getDomain();
        } catch (IllegalArgumentException e) {
            return ApiError.of(Response.Status.BAD_REQUEST, "not a valid domain", "domain");
        }
        if (!AdminPolicy.mayManage(admin(), d)) {
            return forbidden("domain");
        }
        return action.apply(d);
    }

    private JID admin() {
        return new JID(security.getUserPrincipal().getName());
    }

    private static Response forbidden(String field) {
        return ApiError.of(Response.Status.FORBIDDEN, "administrators manage the accounts of their own domain only",
                field);
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static String string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static Response json(jakarta.json.JsonStructure value) {
        return Response.ok(value.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response text(List<String> lines) {
        String body = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }
}
