package org.parley.interfaces.websecurity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.parley.application.PasswordLogin;

import java.util.Set;

/**
 * Jakarta Security over Parley's accounts: the caller is the account's bare JID, the password is checked
 * against its stored SCRAM keys ({@link PasswordLogin}, with the XMPP failed-login throttle). Every account is
 * in group {@value WebRoles#USER}; accounts with the admin flag also in {@value WebRoles#ADMIN}. Disabled
 * accounts never log in.
 */
@ApplicationScoped
public class ParleyIdentityStore implements IdentityStore {
    @EJB
    PasswordLogin logins;

    @Inject
    HttpServletRequest request;

    @Inject
    LoginFailure failure;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        PasswordLogin.Result r = logins.login(c.getCaller(), c.getPasswordAsString(), request.getRemoteAddr());
        failure.set(r.status());
        return result(r);
    }

    /** The validation result of a login's outcome. */
    static CredentialValidationResult result(PasswordLogin.Result r) {
        if (r.status() != PasswordLogin.Status.OK) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> groups = r.admin() ? Set.of(WebRoles.USER, WebRoles.ADMIN) : Set.of(WebRoles.USER);
        return new CredentialValidationResult(r.jid().toBareJID(), groups);
    }
}
