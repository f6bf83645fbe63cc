package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.MessageService;
import org.parley.application.command.Commands;
import org.parley.domain.account.AccountException;
import org.parley.feature.admin.AccountErrors;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import java.util.Map;

/**
 * Messages from integrators: body {"from"?, "to", "type"?, "body", "subject"?}; 202 {"id"} once routed.
 * {@code from} is an address of the admin's domain (default: the domain itself).
 */
@Path("v1/messages")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {
    @EJB
    MessageService messages;

    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(String text) {
        JsonObject request = AdminRequests.body(text);
        JID admin = AdminRequests.admin(security);
        String fromText = AdminRequests.optional(request, "from");
        JID from = fromText == null ? new JID(admin.getDomain()) : jid(fromText, "from");
        String toText = AdminRequests.string(request, "to");
        if (toText == null || toText.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "to is required", "to");
        }
        JID to = jid(toText, "to");
        Message.Type type = type(AdminRequests.optional(request, "type"), request.containsKey("type"));
        String body = AdminRequests.string(request, "body");
        if (body == null || body.isBlank()) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "body is required", "body");
        }
        // the policy of the command send_message (an administrator of the sender's domain)
        RestCommands.authorize(commands, security, "send_message", Map.of("from", from.toString(), "to",
                to.toString(), "body", body), e -> e.field() == null ? "from" : e.field());
        try {
            String id = messages.send(from, to, type, AdminRequests.optional(request, "subject"), body);
            return Response.accepted(Json.createObjectBuilder().add("id", id).build().toString())
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        } catch (RuntimeException e) {
            boolean unknownHost = AccountErrors.cause(e)
                    .map(a -> a.reason() == AccountException.Reason.HOST_UNKNOWN).orElse(false);
            throw AdminRequests.refused(e, unknownHost ? "to" : "body");
        }
    }

    private static JID jid(String text, String field) {
        try {
            return new JID(text.trim());
        } catch (IllegalArgumentException e) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "not a valid JID", field);
        }
    }

    private static Message.Type type(String text, boolean given) {
        if (given && text == null) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "type is chat, normal or headline", "type");
        }
        try {
            return MessageService.type(text);
        } catch (AccountException e) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, e.getMessage(), "type");
        }
    }
}
