package org.parley.xmpp.sasl;

import java.util.Objects;

/**
 * Server side of PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd}. Only offer it over
 * TLS; {@link SaslMechanisms} enforces the caller's decision.
 */
final class PlainServerMechanism implements SaslServerMechanism {

    static final String NAME = "PLAIN";

    private final String domain;
    private final CredentialStore store;
    private String attempted;
    private boolean emptyChallengeSent;
    private boolean done;

    PlainServerMechanism(String domain, CredentialStore store) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SaslStep evaluate(byte[] clientData) throws SaslFailure {
        if (done) {
            throw SaslSupport.finished();
        }
        byte[] data = clientData == null ? new byte[0] : clientData;
        if (data.length == 0 && !emptyChallengeSent) {
            emptyChallengeSent = true;
            return new SaslStep.Challenge(new byte[0]);
        }
        done = true;
        String msg = SaslSupport.utf8(data);
        String[] parts = msg.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw SaslSupport.malformed("Expected [authzid] NUL authcid NUL password");
        }
        String authzid = parts[0];
        String authcid = parts[1];
        attempted = authcid;
        String password = parts[2];
        if (!SaslSupport.authzidAcceptable(authzid, authcid, domain)) {
            throw new SaslFailure(SaslFailure.INVALID_AUTHZID, "Authorization identity must be your own JID");
        }
        boolean ok;
        try {
            ok = store.verifyPlain(authcid, password);
        } catch (RuntimeException e) {
            throw SaslSupport.temporary();
        }
        if (!ok) {
            throw SaslSupport.notAuthorized();
        }
        boolean enabled;
        try {
            enabled = store.isEnabled(authcid);
        } catch (RuntimeException e) {
            throw SaslSupport.temporary();
        }
        if (!enabled) {
            throw SaslSupport.disabled();
        }
        return new SaslStep.Success(authcid, new byte[0]);
    }

    @Override
    public String attemptedUsername() {
        return attempted;
    }
}
