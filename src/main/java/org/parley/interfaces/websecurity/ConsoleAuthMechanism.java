package org.parley.interfaces.websecurity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.Set;

/**
 * The web login: the login page (/login.xhtml) hands the user's credential to SecurityContext.authenticate;
 * when the identity store accepts it, the caller and its groups are kept in the HTTP session and applied to
 * every later request of that session (so /api/v1/credentials sees the login too). An anonymous request for a
 * protected page (/admin/*, web.xml) is redirected to the login page, which sends the user back afterwards.
 * Requests without a session login pass through untouched: the REST API's Basic filter, BOSH, WebSocket and
 * /chat authenticate on their own.
 */
@ApplicationScoped
public class ConsoleAuthMechanism implements HttpAuthenticationMechanism {
    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String HOME_PAGE = "/admin/index.xhtml";
    /** Session attribute: the page an anonymous user asked for before logging in (GET only). */
    public static final String NEXT_PAGE = "parley.login.next";
    private static final String CALLER = "parley.login.caller";

    /** The logged-in caller as kept in the session. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identities.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                cleanSubject(request, response, context); // a failed new login ends the earlier one
                return AuthenticationStatus.SEND_FAILURE;
            }
            SessionCaller caller = new SessionCaller(result.getCallerPrincipal().getName(),
                    Set.copyOf(result.getCallerGroups()));
            request.getSession(true).setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SessionCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, context);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(NEXT_PAGE,
                    request.getRequestURI().substring(request.getContextPath().length())
                            + (query == null ? "" : "?" + query));
        }
        try {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
    }
}
