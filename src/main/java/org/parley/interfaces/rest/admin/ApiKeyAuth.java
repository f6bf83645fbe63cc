package org.parley.interfaces.rest.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.AccountService;
import org.parley.application.ApiKeyService;
import org.parley.domain.account.AccountException;
import org.parley.domain.apikey.ApiKeyInfo;

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

    static void authenticate(ContainerRequestContext request, String key, ApiKeyService keys,
                             AccountService accounts) {
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
        if (!creatorStillAdmin(found.get().creator(), accounts)) {
            request.abortWith(ApiError.of(Response.Status.FORBIDDEN,
                    "the administrator who created this API key no longer is one", null));
            return;
        }
        // the key's creator is the principal, so the admin API's domain rules apply to the key as to its creator
        AdminSecurityContext.install(request, found.get().creator(), SCHEME);
    }

    /**
     * A key acts for its creator, so it stops working when that account is gone, disabled or no longer an
     * administrator. Keys made in the console before it had a login carry no account and are not checked.
     */
    private static boolean creatorStillAdmin(String creator, AccountService accounts) {
        if (creator.indexOf('@') < 0) {
            return true;
        }
        try {
            return accounts.find(AccountService.bare(creator)).filter(a -> a.isEnabled() && a.isAdmin()).isPresent();
        } catch (AccountException e) {
            return false;
        }
    }

    /** True when the request was authenticated with an API key rather than an administrator's password. */
    static boolean usesKey(SecurityContext security) {
        return SCHEME.equals(security.getAuthenticationScheme());
    }
}
