package org.parley.application;

import org.parley.domain.account.Account;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A clear password against an account's stored SCRAM keys: SaltedPassword from the stored salt and iteration
 * count, then StoredKey and ServerKey, compared in constant time ({@link ScramCredential#matches}). An unknown
 * account is checked against a decoy credential, so a wrong user name costs as much as a wrong password.
 */
public final class PasswordCheck {
    public enum Outcome { OK, WRONG, DISABLED }

    private static final ScramCredential DECOY = ScramCredential.derive(ScramAlgorithm.SHA_256, randomText(),
            ScramCredential.DEFAULT_ITERATIONS);

    private PasswordCheck() {
    }

    /** DISABLED only when the password is right: a wrong password never learns the account's state. */
    public static Outcome check(Optional<Account> account, String password) {
        ScramCredential stored = account.map(PasswordCheck::strongest).orElse(null);
        boolean matches = (stored != null ? stored : DECOY).matches(password);
        if (stored == null || !matches) {
            return Outcome.WRONG;
        }
        return account.get().isEnabled() ? Outcome.OK : Outcome.DISABLED;
    }

    private static ScramCredential strongest(Account a) {
        ScramCredential c = a.credential(ScramAlgorithm.SHA_256);
        return c != null ? c : a.credential(ScramAlgorithm.SHA_1);
    }

    private static String randomText() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
