package org.parley.interfaces.websecurity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The web login: a Faces login form (/login.xhtml) that calls SecurityContext.authenticate. The mechanism keeps
 * the caller in the HTTP session (auto-applied on every request, so /api/v1/credentials sees it too) and sends
 * unauthenticated requests for protected pages (/admin/*, web.xml) to the login page. Requests without a
 * session login pass through untouched: the REST API's Basic filter, BOSH, WebSocket and /chat are not affected.
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.xhtml",
        errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class ConsoleSecurity {
    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String HOME_PAGE = "/admin/index.xhtml";
}
