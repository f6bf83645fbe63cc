package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import org.parley.api.SessionInfo;
import org.parley.application.AccountService;
import org.xmpp.packet.JID;

import java.util.List;

/** Bound sessions of the admin's domain: list (by domain or by account) and end them. */
@Path("v1/admin/sessions")
@AdminAuthenticated
@RequestScoped
public class SessionResource {
    @EJB
    AccountService accounts;

    @Context
    SecurityContext security;

    /** [{"jid", "account", "transport", "address", "since", "priority", "available", "secure"}] */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response sessions(@QueryParam("domain") String domain, @QueryParam("user") String user) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SessionInfo s : select(domain, user)) {
            list.add(Json.createObjectBuilder().add("jid", s.jid()).add("account", s.account())
                    .add("transport", s.transport()).add("address", s.address()).add("since", s.since())
                    .add("priority", s.priority()).add("available", s.available()).add("secure", s.secure()));
        }
        return AdminRequests.json(list.build());
    }

    /** One full JID per line. */
    @GET
    @Produces("text/plain;qs=0.5") // JSON unless the client asks for text
    public Response sessionsText(@QueryParam("domain") String domain, @QueryParam("user") String user) {
        return AdminRequests.text(select(domain, user).stream().map(SessionInfo::jid).toList());
    }

    /** Bare JID: every session of the account; full JID: that resource. {"ended": n}; 404 if none. */
    @DELETE
    @Path("{jid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response kick(@PathParam("jid") String jidText) {
        JID bare = existing(jidText);
        String resource = new JID(jidText.trim()).getResource();
        int ended;
        if (resource != null) {
            if (!accounts.kickResource(new JID(bare.getNode(), bare.getDomain(), resource).toString())) {
                throw AdminRequests.refuse(Response.Status.NOT_FOUND, "no such session", "jid");
            }
            ended = 1;
        } else {
            ended = accounts.kick(bare.toBareJID());
        }
        return AdminRequests.json(Json.createObjectBuilder().add("ended", ended).build());
    }

    private List<SessionInfo> select(String domain, String user) {
        if (user == null) {
            return accounts.sessions(AdminRequests.domain(security, domain));
        }
        if (domain != null) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "give domain or user, not both", "user");
        }
        return accounts.sessionsOf(existing(user).toBareJID());
    }

    /** The bare JID of an account the admin manages and that exists (field "jid" / 404). */
    private JID existing(String jidText) {
        JID bare = AdminRequests.account(security, jidText);
        try {
            accounts.user(bare.toBareJID());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "jid");
        }
        return bare;
    }
}
