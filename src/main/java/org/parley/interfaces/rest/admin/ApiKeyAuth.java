package org.parley.interfaces.rest.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.ApiKeyService;
import org.parley.domain.apikey.ApiKeyInfo;

import java.security.Principal;
import java.util.Optional;

/**
 * API key authentication of the admin API ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}):
 * unknown or revoked keys get 401, read-only keys 403 for anything but GET/HEAD. A key acts as the
 * administrator who created it.
 */
final class ApiKeyAuth {
    static final String HEADER = "X-API-Key";
    static final String SCHEME = "API-Key";

    private ApiKeyAuth() {
    }

    /** The key a request presents, if it uses one (the key's text is never logged). */
    static Optional<String> presented(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        String header = request.getHeaderString(HEADER);
        return header == null ? Optional.empty() : Optional.of(header.trim());
    }

    static void authenticate(ContainerRequestContext request, String key, ApiKeyService keys) {
        Optional<ApiKeyInfo> found = keys.authenticate(key);
        if (found.isEmpty()) {
            request.abortWith(Response.fromResponse(ApiError.of(Response.Status.UNAUTHORIZED,
                    "unknown or revoked API key", null)).header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"" + ApiError.REALM + "\"").build());
            return;
        }
        if (!found.get().scope().allows(request.getMethod())) {
            request.abortWith(ApiError.of(Response.Status.FORBIDDEN, "this API key is read-only", null));
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new KeySecurityContext(found.get(), secure));
    }

    /** True when the request was authenticated with an API key rather than an administrator's password. */
    static boolean usesKey(SecurityContext security) {
        return SCHEME.equals(security.getAuthenticationScheme());
    }

    /** The key's creator is the principal, so the admin API's domain rules apply to the key as to its creator. */
    record KeySecurityContext(ApiKeyInfo key, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return key::creator;
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
            return SCHEME;
        }
    }
}
