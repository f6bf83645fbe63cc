package org.parley.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.command.Commands;
import org.xmpp.packet.JID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bound sessions of the admin's domain: list (by domain or by account) and end them. */
@Path("v1/admin/sessions")
@AdminAuthenticated
@RequestScoped
public class SessionResource {
    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    /** [{"jid", "account", "transport", "address", "since", "priority", "available", "secure"}] */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response sessions(@QueryParam("domain") String domain, @QueryParam("user") String user) {
        return AdminRequests.json((JsonArray) RestCommands.json(select(domain, user)));
    }

    /** One full JID per line. */
    @GET
    @Produces("text/plain;qs=0.5") // JSON unless the client asks for text
    public Response sessionsText(@QueryParam("domain") String domain, @QueryParam("user") String user) {
        return AdminRequests.text(select(domain, user).stream().map(s -> (String) s.get("jid")).toList());
    }

    /** Bare JID: every session of the account; full JID: that resource. {"ended": n}; 404 if none. */
    @DELETE
    @Path("{jid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response kick(@PathParam("jid") String jidText) {
        Map<String, Object> account = existing(jidText);
        String resource = new JID(jidText.trim()).getResource();
        long ended;
        if (resource != null) {
            account.put("resource", resource);
            ended = (Long) RestCommands.run(commands, security, "kick_session", account, e -> "jid");
            if (ended == 0) {
                throw AdminRequests.refuse(Response.Status.NOT_FOUND, "no such session", "jid");
            }
        } else {
            ended = (Long) RestCommands.run(commands, security, "kick_user", account, e -> "jid");
        }
        return AdminRequests.json(Json.createObjectBuilder().add("ended", ended).build());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> select(String domain, String user) {
        if (user == null) {
            Map<String, Object> args = new HashMap<>();
            if (domain != null && !domain.isBlank()) {
                args.put("host", domain);
            }
            return (List<Map<String, Object>>) RestCommands.run(commands, security, "connected_users_info", args,
                    e -> "domain");
        }
        if (domain != null) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "give domain or user, not both", "user");
        }
        return (List<Map<String, Object>>) RestCommands.run(commands, security, "user_sessions_info",
                existing(user), e -> "jid");
    }

    /** The arguments user and host of an account the admin manages and that exists (field "jid" / 404). */
    private Map<String, Object> existing(String jidText) {
        Map<String, Object> account = UserResource.account(jidText);
        RestCommands.run(commands, security, "user_info", account, e -> "jid");
        return account;
    }
}
