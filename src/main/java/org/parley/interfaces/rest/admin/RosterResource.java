package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.AccountService;
import org.parley.application.command.CommandArgs;
import org.parley.application.command.Commands;
import org.parley.domain.account.AccountException;
import org.parley.feature.roster.RosterEntry;
import org.parley.feature.roster.RosterProvisioning;
import org.parley.feature.roster.Subscription;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Roster provisioning of an account the admin manages; changes are pushed to the user's online clients. */
@Path("v1/users/{jid}/roster")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {
    static final int MAX_TEXT = 1024;

    @EJB
    RosterProvisioning rosters;

    @EJB
    AccountService accounts;

    @Inject
    Commands commands;

    @Context
    SecurityContext security;

    /** [{"jid", "name"?, "groups", "subscription", "ask"?}] */
    @GET
    public Response items(@PathParam("jid") String jid) {
        JID owner = owner(jid, "get_roster", null);
        JsonArrayBuilder list = Json.createArrayBuilder();
        rosters.items(owner).forEach(e -> list.add(item(e)));
        return AdminRequests.json(list.build());
    }

    /** Body {"name"?, "groups"?, "subscription"?}; answers the item. */
    @PUT
    @Path("{contact}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(@PathParam("jid") String jid, @PathParam("contact") String contactText, String text) {
        JID contact = contact(contactText);
        JID owner = owner(jid, "add_rosteritem", contact);
        JsonObject request = AdminRequests.body(text);
        JsonValue nameValue = request.get("name");
        if (nameValue != null && nameValue.getValueType() != JsonValue.ValueType.NULL
                && !(nameValue instanceof JsonString s && s.getString().length() <= MAX_TEXT)) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "name is a string of at most " + MAX_TEXT
                    + " characters", "name");
        }
        Subscription subscription = null;
        if (request.containsKey("subscription")) {
            try {
                subscription = Subscription.parse(((JsonString) request.get("subscription")).getString());
            } catch (ClassCastException | IllegalArgumentException e) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST,
                        "subscription is none, to, from or both", "subscription");
            }
        }
        RosterEntry after = rosters.set(owner, contact, AdminRequests.string(request, "name"),
                groups(request.get("groups")), subscription);
        return AdminRequests.json(item(after));
    }

    /** 204; 404 when the user has no such contact. */
    @DELETE
    @Path("{contact}")
    public Response remove(@PathParam("jid") String jid, @PathParam("contact") String contactText) {
        JID contact = contact(contactText);
        JID owner = owner(jid, "delete_rosteritem", contact);
        if (!rosters.remove(owner, contact)) {
            throw AdminRequests.refuse(Response.Status.NOT_FOUND, "no such contact", "contact");
        }
        return Response.noContent().build();
    }

    /**
     * The existing account whose roster the admin may change: the roster command's policy decides (a domain
     * contact has no user argument; the roster owner's policy is the same for all three commands).
     */
    private JID owner(String jid, String command, JID contact) {
        JID owner = AdminRequests.bare(jid);
        boolean withContact = contact != null && contact.getNode() != null;
        RestCommands.authorize(commands, security, withContact ? command : "get_roster", withContact
                ? CommandArgs.account(contact, "localuser", owner.getNode(), "localhost", owner.getDomain())
                : CommandArgs.account(owner), e -> "jid");
        if (accounts.find(owner).isEmpty()) {
            throw AdminRequests.refuse(Response.Status.NOT_FOUND, "no such account: " + owner, "jid");
        }
        return owner;
    }

    private static JID contact(String text) {
        try {
            return RosterProvisioning.contact(text);
        } catch (AccountException e) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, e.getMessage(), "contact");
        }
    }

    /** RFC 6121 §2.1.2.2 and §2.3.3: non-empty, distinct group names. */
    private static List<String> groups(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, "groups is an array of names", "groups");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > MAX_TEXT
                    || !names.add(s.getString())) {
                throw AdminRequests.refuse(Response.Status.BAD_REQUEST,
                        "groups are distinct non-empty names of at most " + MAX_TEXT + " characters", "groups");
            }
        }
        return new ArrayList<>(names);
    }

    private static JsonObject item(RosterEntry e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("jid", e.jid().toBareJID());
        if (e.name() != null) {
            b.add("name", e.name());
        }
        JsonArrayBuilder groups = Json.createArrayBuilder();
        e.groups().forEach(groups::add);
        b.add("groups", groups).add("subscription", e.subscription().xmlValue());
        if (e.state().pendingOut()) {
            b.add("ask", "subscribe");
        }
        return b.build();
    }
}
