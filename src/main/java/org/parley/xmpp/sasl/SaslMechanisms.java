package org.parley.xmpp.sasl;

import java.util.List;
import java.util.Optional;

/** The SASL mechanisms the server offers (RFC 6120 §6.3.3) and a factory for them. Never GSSAPI. */
public final class SaslMechanisms {

    public static final String PLAIN = PlainServerMechanism.NAME;

    private static final List<String> SCRAM_ONLY = List.of(
            ScramAlgorithm.SHA_256.mechanismName(), ScramAlgorithm.SHA_1.mechanismName());
    private static final List<String> WITH_PLAIN = List.of(
            ScramAlgorithm.SHA_256.mechanismName(), ScramAlgorithm.SHA_1.mechanismName(), PLAIN);

    private SaslMechanisms() {
    }

    /** The mechanism names to offer, in preference order: SCRAM-SHA-256, SCRAM-SHA-1, and PLAIN only if plainAllowed. */
    public static List<String> offered(boolean plainAllowed) {
        return plainAllowed ? WITH_PLAIN : SCRAM_ONLY;
    }

    /**
     * New mechanism instance for one authentication exchange.
     *
     * @param name   mechanism name from {@code <auth mechanism='...'/>}, matched exactly
     * @param domain the domain the stream is for; the only authzid accepted besides none is user@domain
     * @throws SaslFailure invalid-mechanism for unknown names, or PLAIN when not allowed
     */
    public static SaslServerMechanism create(String name, String domain, CredentialStore store, boolean plainAllowed)
            throws SaslFailure {
        if (name != null) {
            Optional<ScramAlgorithm> scram = ScramAlgorithm.forMechanismName(name);
            if (scram.isPresent()) {
                return new ScramServerMechanism(scram.get(), domain, store);
            }
            if (plainAllowed && PLAIN.equals(name)) {
                return new PlainServerMechanism(domain, store);
            }
        }
        throw new SaslFailure(SaslFailure.INVALID_MECHANISM, "Mechanism not supported");
    }
}
