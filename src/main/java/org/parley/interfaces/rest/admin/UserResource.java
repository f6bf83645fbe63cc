package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import org.parley.api.UserChanges;
import org.parley.api.UserInfo;
import org.parley.application.AccountService;
import org.parley.domain.account.AccountException;
import org.parley.feature.admin.AccountErrors;
import org.xmpp.packet.JID;

import java.util.Set;

/** One account of the admin's domain: read, change (password, admin, enabled), remove. */
@Path("v1/admin/users/{jid}")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    private static final Set<String> CHANGES = Set.of("jid", "password", "admin", "enabled");

    @EJB
    AccountService accounts;

    @Context
    SecurityContext security;

    /** {"jid", "enabled", "admin", "created"} */
    static JsonObject json(UserInfo u) {
        return Json.createObjectBuilder().add("jid", u.jid()).add("enabled", u.enabled()).add("admin", u.admin())
                .add("created", u.created()).build();
    }

    @GET
    public Response get(@PathParam("jid") String jidText) {
        JID jid = AdminRequests.account(security, jidText);
        try {
            return AdminRequests.json(json(accounts.user(jid.toBareJID())));
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "jid");
        }
    }

    /** Body: any of {"password", "admin", "enabled"}; disabling ends the account's sessions. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response patch(@PathParam("jid") String jidText, String body) {
        JID jid = AdminRequests.account(security, jidText);
        JsonObject request = AdminRequests.body(body);
        for (String key : request.keySet()) {
            if (!CHANGES.contains(key)) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "unknown member " + key, key);
            }
        }
        UserChanges changes = new UserChanges(password(request), flag(request, "admin"), flag(request, "enabled"));
        boolean demotesSelf = Boolean.FALSE.equals(changes.admin()) || Boolean.FALSE.equals(changes.enabled());
        if (demotesSelf && jid.equals(AdminRequests.admin(security))) {
            throw AdminRequests.refuse(Response.Status.CONFLICT,
                    "cannot disable or demote the account you are authenticated with",
                    Boolean.FALSE.equals(changes.admin()) ? "admin" : "enabled");
        }
        try {
            return AdminRequests.json(json(accounts.updateUser(jid.toBareJID(), changes)));
        } catch (RuntimeException e) {
            boolean badPassword = AccountErrors.cause(e)
                    .map(a -> a.reason() == AccountException.Reason.INVALID).orElse(false);
            throw AdminRequests.refused(e, badPassword ? "password" : "jid");
        }
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
        JID jid = AdminRequests.account(security, jidText);
        if (jid.equals(AdminRequests.admin(security))) {
            throw AdminRequests.refuse(Response.Status.CONFLICT,
                    "cannot remove the account you are authenticated with", "jid");
        }
        try {
            accounts.deleteUser(jid.toBareJID());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "jid");
        }
        return Response.noContent().build();
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
