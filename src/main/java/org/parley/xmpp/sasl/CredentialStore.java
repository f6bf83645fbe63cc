package org.parley.xmpp.sasl;

import java.util.Optional;

/**
 * Looks up credentials; may block (database) — callers run it off the network thread.
 *
 * <p>User names are passed as received in the SASL exchange (SCRAM-decoded, otherwise untouched); the store is
 * responsible for normalising them (nodeprep). A {@link RuntimeException} thrown by the store makes the exchange
 * fail with {@code temporary-auth-failure}.
 */
public interface CredentialStore {

    /** The credential for {@code alg}, or empty if the account does not exist or has none for that algorithm. */
    Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg);

    /**
     * For PLAIN: default implementation checks the SHA-256 credential with {@link ScramCredential#matches(String)};
     * may be overridden (e.g. one-time web login tokens). For unknown accounts it still spends a comparable amount
     * of work so that response time does not reveal whether the account exists.
     */
    default boolean verifyPlain(String username, String password) {
        Optional<ScramCredential> credential = scramCredential(username, ScramAlgorithm.SHA_256);
        if (credential.isPresent()) {
            return credential.get().matches(password);
        }
        FakeCredentials.credential(ScramAlgorithm.SHA_256, username).matches(password);
        return false;
    }

    /** Whether the account may log in at all (exists and enabled). */
    boolean isEnabled(String username);
}
