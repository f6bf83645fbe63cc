package org.parley.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.api.ParleyException;
import org.parley.api.UserInfo;
import org.parley.application.command.CommandArgs;
import org.parley.application.command.Commands;
import org.xmpp.packet.JID;

import java.util.Map;
import java.util.Set;

/** One account of the admin's domain: read, change (password, admin, enabled), remove. */
@Path("v1/admin/users/{jid}")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    private static final Set<String> CHANGES = Set.of("jid", "password", "admin", "enabled");

    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    /** {"jid", "enabled", "admin", "created"} */
    static JsonObject json(UserInfo u) {
        return Json.createObjectBuilder().add("jid", u.jid()).add("enabled", u.enabled()).add("admin", u.admin())
                .add("created", u.created()).build();
    }

    @GET
    public Response get(@PathParam("jid") String jidText) {
        return AdminRequests.json((JsonObject) RestCommands.json(RestCommands.run(commands, security, "user_info",
                account(jidText), f -> "jid")));
    }

    /** Body: any of {"password", "admin", "enabled"}; disabling ends the account's sessions. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("jid") String jidText, String body) {
        Map<String, Object> args = account(jidText);
        JsonObject request = AdminRequests.body(body);
        for (String key : request.keySet()) {
            if (!CHANGES.contains(key)) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "unknown member " + key, key);
            }
        }
        putIfGiven(args, "password", password(request));
        putIfGiven(args, "admin", flag(request, "admin"));
        putIfGiven(args, "enabled", flag(request, "enabled"));
        // the command guards against disabling or demoting oneself (409, field admin or enabled)
        return AdminRequests.json((JsonObject) RestCommands.json(RestCommands.run(commands, security,
                "update_account", args, UserResource::field)));
    }

    /** The same partial update as PATCH. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("jid") String jidText, String body) {
        return patch(jidText, body);
    }

    /** 204; the account's sessions end. */
    @DELETE
    public Response delete(@PathParam("jid") String jidText) {
        RestCommands.run(commands, security, "unregister", account(jidText), f -> "jid");
        return Response.noContent().build();
    }

    /** The command arguments user and host of an account JID (400 with field jid when it is none). */
    static Map<String, Object> account(String jidText) {
        return CommandArgs.account(AdminRequests.bare(jidText));
    }

    /** The field of a refused change: the account (jid), a flag, or a password the service found invalid. */
    private static String field(ParleyException e) {
        if (e.field() == null) {
            return e.code() == ParleyException.Code.INVALID ? "password" : "jid";
        }
        return e.field().equals("user") || e.field().equals("host") ? "jid" : e.field();
    }

    private static void putIfGiven(Map<String, Object> args, String key, Object value) {
        if (value != null) {
            args.put(key, value);
        }
    }

    private static String password(JsonObject request) {
        JsonValue v = request.get("password");
        if (v == null) {
            return null;
        }
        if (v instanceof JsonString s && !s.getString().isEmpty()) {
            return s.getString();
        }
        throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "password is a non-empty string", "password");
    }

    private static Boolean flag(JsonObject request, String key) {
        JsonValue v = request.get(key);
        if (v == null) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw AdminRequests.refuse(Response.Status.BAD_REQUEST, key + " must be true or false", key);
    }
}
