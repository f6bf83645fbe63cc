package org.parley.xmpp.sasl;

/**
 * Server side of one SASL authentication exchange; not thread-safe, not reusable. Once evaluate has returned
 * {@link SaslStep.Success} or thrown, the exchange is over and further calls throw malformed-request.
 * Implementations may call the {@link CredentialStore}, so evaluate may block.
 */
public interface SaslServerMechanism {

    String name();

    /**
     * First call gets the {@code <auth/>} initial response (may be empty array if the client sent '=' or
     * nothing); later calls get each {@code <response/>}.
     */
    SaslStep evaluate(byte[] clientData) throws SaslFailure;

    /** The account the client named so far (for failed-login throttling), or null. */
    default String attemptedUsername() {
        return null;
    }
}
