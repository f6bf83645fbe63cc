package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.AccountService;
import org.parley.application.weblogin.WebLoginService;
import org.parley.infrastructure.transport.bosh.BoshPrebind;
import org.parley.infrastructure.transport.bosh.BoshService;
import org.xmpp.packet.JID;

import java.util.logging.Logger;

/**
 * BOSH pre-binding for integrators: a trusted application (an administrator of the account's domain) has the
 * server open, authenticate and bind a BOSH session for one of its users and passes {"jid", "sid", "rid"} to
 * the page, which continues that session (converse.js {@code authentication: 'prebind'}). The SASL step uses
 * a one-time web login token that never leaves the server.
 */
@Path("v1/prebind")
@AdminAuthenticated
@RequestScoped
public class PrebindResource {
    private static final Logger LOG = Logger.getLogger(PrebindResource.class.getName());

    @EJB
    WebLoginService webLogin;

    @EJB
    AccountService accounts;

    @Inject
    BoshService bosh;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    /** Body {"jid": "user@domain"}; 201 {"jid": full JID, "sid", "rid": the rid of the page's next request}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response prebind(String body) {
        JsonObject request = AdminRequests.body(body);
        JID jid = AdminRequests.account(security, AdminRequests.string(request, "jid"));
        AdminRequests.enabledAccount(accounts, jid, Response.Status.FORBIDDEN);
        boolean secure = http.isSecure() || bosh.settings().assumeSecure();
        BoshPrebind.Prebound session;
        try {
            session = new BoshPrebind(bosh.manager(), secure, http.getRemoteAddr())
                    .prebind(jid, webLogin.issue(jid).token());
        } catch (BoshPrebind.Failed e) {
            LOG.warning(() -> "BOSH pre-binding of " + jid + " failed: " + e.getMessage());
            throw AdminRequests.refuse(Response.Status.SERVICE_UNAVAILABLE, "pre-binding failed: " + e.getMessage(),
                    null);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).cacheControl(noStore)
                .entity(Json.createObjectBuilder().add("jid", session.jid()).add("sid", session.sid())
                        .add("rid", session.rid()).build()).build();
    }
}
