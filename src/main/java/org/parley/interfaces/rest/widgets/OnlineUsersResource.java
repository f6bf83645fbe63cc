package org.parley.interfaces.rest.widgets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.feature.widgets.OnlineUsersModule;
import org.parley.interfaces.rest.admin.ApiError;
import org.xmpp.packet.JID;

/**
 * Data of the online-users widget: {@code GET /api/v1/widgets/online-users?domain=example.org} answers
 * {"domain", "users": [{"jid", "name", "show", "status"}], "pollSeconds"} for domains listed in
 * {@code parley.widgets.public.domains}; any other domain is refused (403), since who is online is personal
 * data. (Logged-in viewers see their own contacts instead: the widget's roster mode, over XMPP.)
 * <p>
 * Why polling rather than Server-Sent Events: the widget sits on arbitrary pages of busy sites, and one
 * open event stream per browser tab would hold a connection (and, with HTTP/1.1, one of the browser's six
 * per origin, which the chat's BOSH requests also need) for as long as the page is open. A poll every few
 * seconds reads an in-memory index (no database, no thread held, no writes to slow clients), passes every
 * proxy, and its cost is bounded by the poll interval the server tells the widget.
 * Cross-origin use is checked by {@link org.parley.interfaces.widgets.WidgetOriginFilter}.
 */
@Path("v1/widgets/online-users")
@ApplicationScoped
public class OnlineUsersResource {
    private final WidgetSettings settings = WidgetSettings.fromConfig();

    @Inject
    OnlineUsersModule online;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response online(@QueryParam("domain") String requested) {
        if (requested == null || requested.isBlank()) {
            return ApiError.of(Response.Status.BAD_REQUEST, "domain is required", "domain");
        }
        String domain;
        try {
            domain = new JID(null, requested.trim(), null).getDomain();
        } catch (IllegalArgumentException e) {
            return ApiError.of(Response.Status.BAD_REQUEST, "not a valid domain", "domain");
        }
        if (!online.hosts(domain)) {
            return ApiError.of(Response.Status.NOT_FOUND, "no such domain: " + domain, "domain");
        }
        if (!settings.isPublic(domain)) {
            return ApiError.of(Response.Status.FORBIDDEN,
                    "the online users of this domain are not public", "domain");
        }
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (OnlineUsersModule.OnlineUser u : online.online(domain)) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("jid", u.jid()).add("name", u.name())
                    .add("show", u.show());
            if (u.status() != null) {
                o.add("status", u.status());
            }
            users.add(o);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Json.createObjectBuilder().add("domain", domain).add("users", users)
                .add("pollSeconds", settings.pollSeconds()).build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(noStore).build();
    }
}
