package org.parley.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.security.enterprise.SecurityContext;
import org.parley.application.AccountService;
import org.parley.application.weblogin.LoginTokens;
import org.parley.application.weblogin.WebLoginService;
import org.parley.domain.account.Account;
import org.parley.interfaces.websecurity.WebRoles;
import org.xmpp.packet.JID;

import java.security.Principal;

/**
 * GET /api/v1/credentials: converse.js's credentials_url for the user logged in to Parley's web login (the
 * session of /login.xhtml): {"jid": bare JID, "password": a fresh single-use web login token}. 401 without a
 * login, 403 when the account was disabled since. Never cached.
 */
@Path("v1/credentials")
@RequestScoped
public class CredentialsResource {
    @Inject
    SecurityContext security;

    @EJB
    AccountService accounts;

    @EJB
    WebLoginService webLogin;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response credentials() {
        Principal caller = security.getCallerPrincipal();
        // WildFly reports an "anonymous" caller without a login: the role tells a real web login
        if (caller == null || !security.isCallerInRole(WebRoles.USER)) {
            return error(Response.Status.UNAUTHORIZED, "not logged in");
        }
        JID jid = new JID(caller.getName()).asBareJID();
        if (!accounts.find(jid).map(Account::isEnabled).orElse(false)) {
            return error(Response.Status.FORBIDDEN, "the account is disabled or gone");
        }
        LoginTokens.Issued t = webLogin.issue(jid);
        return Response.ok(Json.createObjectBuilder().add("jid", t.jid()).add("password", t.token()).build())
                .cacheControl(noStore()).build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore())
                .entity(Json.createObjectBuilder().add("error", message).build()).build();
    }

    private static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
