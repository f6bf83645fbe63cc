package org.parley.interfaces.rest.admin;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.parley.application.AccountService;
import org.parley.application.PasswordCheck;
import org.parley.application.ApiKeyService;
import org.parley.config.ParleyConfig;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.xmpp.sasl.AuthThrottle;
import org.xmpp.packet.JID;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP Basic authentication of administrator accounts for the admin API: the user is the account's bare JID,
 * the password is checked against its SCRAM credential (PasswordCheck). 401 (with a challenge) when missing or wrong,
 * 429 after too many failures (the XMPP login's throttle rules), 403 for accounts that are not administrators.
 * Requests that present an API key (Bearer or X-API-Key) are checked by {@link ApiKeyAuth} instead.
 */
@AdminAuthenticated
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BasicAuthFilter implements ContainerRequestFilter {
    private final AuthThrottle throttle = new AuthThrottle(
            ParleyConfig.getInt("auth.max.failures.account", 10),
            ParleyConfig.getInt("auth.max.failures.address", 200),
            Duration.ofSeconds(ParleyConfig.getInt("auth.failure.window.seconds", 60)));

    @EJB
    AccountService accounts;

    @EJB
    ApiKeyService apiKeys;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> key = ApiKeyAuth.presented(request);
        if (key.isPresent()) {
            ApiKeyAuth.authenticate(request, key.get(), apiKeys, accounts);
            return;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            request.abortWith(ApiError.unauthorized("authentication required"));
            return;
        }
        JID jid;
        try {
            jid = AccountService.bare(credentials.get().user());
        } catch (AccountException e) {
            request.abortWith(ApiError.unauthorized("the user name is an account JID"));
            return;
        }
        String user = jid.toBareJID();
        String address = http != null ? http.getRemoteAddr() : "unknown";
        if (!throttle.allowed(user, address)) {
            request.abortWith(ApiError.of(Response.Status.TOO_MANY_REQUESTS, "too many failed attempts", null));
            return;
        }
        Optional<Account> account = accounts.find(jid);
        if (PasswordCheck.check(account, credentials.get().password()) != PasswordCheck.Outcome.OK) {
            throttle.failed(user, address);
            request.abortWith(ApiError.unauthorized("wrong user name or password"));
            return;
        }
        throttle.succeeded(user, address);
        if (!account.get().isAdmin()) {
            request.abortWith(ApiError.of(Response.Status.FORBIDDEN, "an administrator account is required", null));
            return;
        }
        AdminSecurityContext.install(request, jid.toBareJID(), SecurityContext.BASIC_AUTH);
    }
}
