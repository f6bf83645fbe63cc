package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.parley.application.weblogin.LoginTokens;
import org.parley.application.weblogin.WebLoginService;
import org.xmpp.packet.JID;

/**
 * Web login tokens for integrators: a trusted application (authenticated as an administrator of the
 * account's domain) asks for a short-lived, single-use token and hands it to the browser, which logs in with
 * it as its SASL PLAIN password. The answer has the shape of converse.js's credentials_url.
 */
@Path("v1/tokens")
@AdminAuthenticated
@RequestScoped
public class TokenResource {
    @EJB
    WebLoginService webLogin;

    @EJB
    AccountService accounts;

    @Context
    SecurityContext security;

    /** Body {"jid": "..."}; 201 {"jid", "password", "expiresAt"}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(String body) {
        JsonObject request = AdminRequests.body(body);
        JID jid = AdminRequests.account(security, AdminRequests.string(request, "jid"));
        AdminRequests.enabledAccount(accounts, jid, Response.Status.CONFLICT);
        LoginTokens.Issued t = webLogin.issue(jid);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).cacheControl(noStore)
                .entity(Json.createObjectBuilder().add("jid", t.jid()).add("password", t.token())
                        .add("expiresAt", t.expiresAt().toString()).build()).build();
    }
}
