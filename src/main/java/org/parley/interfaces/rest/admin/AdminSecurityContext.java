package org.parley.interfaces.rest.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The authenticated administrator, for the resources: the account's bare JID (HTTP Basic) or, for an API key,
 * the JID of the administrator who created the key, so that the same domain rules apply.
 */
record AdminSecurityContext(String admin, String scheme, boolean secure) implements SecurityContext {

    /** Replaces the request's security context, keeping whether the connection is secure. */
    static void install(ContainerRequestContext request, String admin, String scheme) {
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new AdminSecurityContext(admin, scheme, secure));
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> admin;
    }

    @Override
    public boolean isUserInRole(String role) {
        return "admin".equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
