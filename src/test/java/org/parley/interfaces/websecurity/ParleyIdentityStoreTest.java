package org.parley.interfaces.websecurity;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;
import org.parley.application.PasswordCheck;
import org.parley.application.PasswordLogin;
import org.parley.domain.account.Account;
import org.xmpp.packet.JID;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The identity store over a login whose password check is the real one, against in-memory accounts. */
class ParleyIdentityStoreTest {

    /** PasswordLogin with its account lookup replaced: alice (user), root (admin), bob (disabled). */
    static final class FakeLogin extends PasswordLogin {
        @Override
        public Result login(String user, String password, String address) {
            Optional<Account> a = switch (user) {
                case "alice@example.org" -> Optional.of(account("alice", false, true));
                case "root@example.org" -> Optional.of(account("root", true, true));
                case "bob@example.org" -> Optional.of(account("bob", false, false));
                default -> Optional.empty();
            };
            return switch (PasswordCheck.check(a, password)) {
                case OK -> new Result(Status.OK, new JID(user), a.get().isAdmin());
                case DISABLED -> new Result(Status.DISABLED, null, false);
                case WRONG -> new Result(Status.WRONG, null, false);
            };
        }

        private static Account account(String name, boolean admin, boolean enabled) {
            Account a = new Account("example.org", name);
            a.setPassword("password-of-" + name, 1024);
            a.setAdmin(admin);
            a.setEnabled(enabled);
            return a;
        }
    }

    private final LoginFailure failure = new LoginFailure();

    private CredentialValidationResult validate(String user, String password) {
        ParleyIdentityStore store = new ParleyIdentityStore();
        store.logins = new FakeLogin();
        store.failure = failure;
        store.request = (jakarta.servlet.http.HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getRemoteAddr") ? "192.0.2.1" : null);
        return store.validate(new UsernamePasswordCredential(user, new Password(password)));
    }

    @Test
    void everyAccountIsAUser() {
        CredentialValidationResult r = validate("alice@example.org", "password-of-alice");
        assertEquals(CredentialValidationResult.Status.VALID, r.getStatus());
        assertEquals("alice@example.org", r.getCallerPrincipal().getName());
        assertEquals(Set.of(WebRoles.USER), r.getCallerGroups());
    }

    @Test
    void theAdminFlagAddsTheAdminGroup() {
        CredentialValidationResult r = validate("root@example.org", "password-of-root");
        assertEquals(Set.of(WebRoles.USER, WebRoles.ADMIN), r.getCallerGroups());
    }

    @Test
    void wrongPasswordsAndUnknownAccountsAreInvalid() {
        assertEquals(CredentialValidationResult.Status.INVALID, validate("alice@example.org", "password-of-root").getStatus());
        assertEquals(PasswordLogin.Status.WRONG, failure.status());
        assertEquals(CredentialValidationResult.Status.INVALID, validate("carol@example.org", "x").getStatus());
    }

    @Test
    void disabledAccountsNeverLogIn() {
        CredentialValidationResult r = validate("bob@example.org", "password-of-bob");
        assertEquals(CredentialValidationResult.Status.INVALID, r.getStatus());
        assertEquals(PasswordLogin.Status.DISABLED, failure.status());
        assertNull(r.getCallerPrincipal());
    }
}
