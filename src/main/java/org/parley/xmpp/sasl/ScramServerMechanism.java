package org.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Server side of SCRAM-SHA-1 / SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding.
 *
 * <p>Exchange: client-first-message (in {@code <auth/>}, or in the first {@code <response/>} after an empty
 * challenge) → server-first-message as a challenge → client-final-message → {@link SaslStep.Success} carrying
 * the server-final-message. Unknown users get a fake but plausible server-first-message and fail at the proof
 * check with not-authorized, exactly like a wrong password.
 */
final class ScramServerMechanism implements SaslServerMechanism {

    /** Random bytes in the server's part of the nonce (RFC 5802 wants it unpredictable; we use ≥ 18). */
    static final int SERVER_NONCE_BYTES = 24;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private enum State { INITIAL, AWAITING_FINAL, DONE }

    private final ScramAlgorithm alg;
    private final String domain;
    private final CredentialStore store;
    private final Supplier<String> serverNonce;

    private State state = State.INITIAL;
    private boolean emptyChallengeSent;

    // per-exchange state, set after the client-first-message
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String username;
    private ScramCredential credential;
    private boolean fake;

    ScramServerMechanism(ScramAlgorithm alg, String domain, CredentialStore store) {
        this(alg, domain, store, ScramServerMechanism::randomNonce);
    }

    /** For tests: the server part of the nonce comes from {@code serverNonce}. */
    ScramServerMechanism(ScramAlgorithm alg, String domain, CredentialStore store, Supplier<String> serverNonce) {
        this.alg = Objects.requireNonNull(alg, "alg");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.store = Objects.requireNonNull(store, "store");
        this.serverNonce = Objects.requireNonNull(serverNonce, "serverNonce");
    }

    static String randomNonce() {
        byte[] b = new byte[SERVER_NONCE_BYTES];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    @Override
    public String name() {
        return alg.mechanismName();
    }

    @Override
    public SaslStep evaluate(byte[] clientData) throws SaslFailure {
        byte[] data = clientData == null ? new byte[0] : clientData;
        try {
            switch (state) {
                case INITIAL:
                    if (data.length == 0) {
                        // no initial response: ask for it with an empty challenge (RFC 6120 §6.4.2), once
                        if (emptyChallengeSent) {
                            throw SaslSupport.malformed("Empty client-first-message");
                        }
                        emptyChallengeSent = true;
                        return new SaslStep.Challenge(new byte[0]);
                    }
                    return clientFirst(SaslSupport.utf8(data));
                case AWAITING_FINAL:
                    SaslStep step = clientFinal(SaslSupport.utf8(data));
                    finish();
                    return step;
                default:
                    throw SaslSupport.finished();
            }
        } catch (SaslFailure f) {
            finish();
            throw f;
        }
    }

    private void finish() {
        state = State.DONE;
        credential = null;
    }

    // ----- client-first-message -----

    private SaslStep clientFirst(String msg) throws SaslFailure {
        String[] parts = msg.split(",", -1);
        if (parts.length < 4) {
            throw SaslSupport.malformed("Malformed client-first-message");
        }
        // gs2-cbind-flag
        String flag = parts[0];
        if (flag.startsWith("p=")) {
            if (!ScramSyntax.isCbName(flag.substring(2))) {
                throw SaslSupport.malformed("Malformed channel binding flag");
            }
            throw new SaslFailure(SaslFailure.NOT_AUTHORIZED, "Channel binding not supported");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            // "y": the client supports channel binding but thinks we don't, which is true (no -PLUS offered)
            throw SaslSupport.malformed("Malformed channel binding flag");
        }
        // [ authzid ]
        String authzid = "";
        if (!parts[1].isEmpty()) {
            if (!parts[1].startsWith("a=")) {
                throw SaslSupport.malformed("Malformed authzid");
            }
            authzid = ScramSyntax.decodeSaslname(parts[1].substring(2));
            if (authzid.isEmpty()) {
                throw SaslSupport.malformed("Empty authzid");
            }
        }
        gs2Header = parts[0] + "," + parts[1] + ",";
        clientFirstBare = msg.substring(gs2Header.length());

        if (parts[2].startsWith("m=")) {
            throw SaslSupport.malformed("Mandatory SCRAM extensions not supported");
        }
        if (!parts[2].startsWith("n=")) {
            throw SaslSupport.malformed("Missing username");
        }
        String user = ScramSyntax.decodeSaslname(parts[2].substring(2));
        if (user.isEmpty()) {
            throw SaslSupport.malformed("Empty username");
        }
        if (!parts[3].startsWith("r=")) {
            throw SaslSupport.malformed("Missing nonce");
        }
        String clientNonce = parts[3].substring(2);
        if (!ScramSyntax.isPrintable(clientNonce)) {
            throw SaslSupport.malformed("Malformed nonce");
        }
        for (int i = 4; i < parts.length; i++) {
            ScramSyntax.checkExtension(parts[i]);
        }
        if (!SaslSupport.authzidAcceptable(authzid, user, domain)) {
            throw new SaslFailure(SaslFailure.INVALID_AUTHZID, "Authorization identity must be your own JID");
        }

        Optional<ScramCredential> found;
        try {
            found = store.scramCredential(user, alg);
        } catch (RuntimeException e) {
            throw SaslSupport.temporary();
        }
        if (found == null || found.isEmpty()) {
            credential = FakeCredentials.credential(alg, user);
            fake = true;
        } else if (found.get().algorithm() != alg) {
            throw SaslSupport.temporary(); // store bug
        } else {
            credential = found.get();
            fake = false;
        }
        username = user;

        String sNonce = serverNonce.get();
        if (sNonce == null || !ScramSyntax.isPrintable(sNonce)) {
            throw new IllegalStateException("server nonce must be printable and not empty");
        }
        nonce = clientNonce + sNonce;
        serverFirst = "r=" + nonce + ",s=" + B64.encodeToString(credential.saltUnsafe()) + ",i="
                + credential.iterations();
        state = State.AWAITING_FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    // ----- client-final-message -----

    private SaslStep clientFinal(String msg) throws SaslFailure {
        String[] parts = msg.split(",", -1);
        if (parts.length < 3) {
            throw SaslSupport.malformed("Malformed client-final-message");
        }
        if (!parts[0].startsWith("c=")) {
            throw SaslSupport.malformed("Missing channel binding");
        }
        byte[] cbind = ScramSyntax.strictBase64(parts[0].substring(2));
        if (!parts[1].startsWith("r=")) {
            throw SaslSupport.malformed("Missing nonce");
        }
        String proofPart = parts[parts.length - 1];
        if (!proofPart.startsWith("p=")) {
            throw SaslSupport.malformed("Missing proof");
        }
        for (int i = 2; i < parts.length - 1; i++) {
            ScramSyntax.checkExtension(parts[i]);
        }
        byte[] proof = ScramSyntax.strictBase64(proofPart.substring(2));
        if (proof.length != alg.hashLength()) {
            throw SaslSupport.malformed("Malformed proof");
        }
        // we never do channel binding, so c= must repeat the gs2 header exactly
        if (!Arrays.equals(cbind, gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw new SaslFailure(SaslFailure.NOT_AUTHORIZED, "Channel binding data does not match");
        }
        if (!parts[1].substring(2).equals(nonce)) {
            throw new SaslFailure(SaslFailure.NOT_AUTHORIZED, "Nonce mismatch");
        }

        String withoutProof = msg.substring(0, msg.length() - proofPart.length() - 1);
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] storedKey = credential.storedKeyUnsafe();
        byte[] clientSignature = alg.hmac(storedKey, authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean proofOk = MessageDigest.isEqual(alg.hash(clientKey), storedKey);
        Arrays.fill(clientKey, (byte) 0);
        if (!proofOk || fake) {
            throw SaslSupport.notAuthorized();
        }

        boolean enabled;
        try {
            enabled = store.isEnabled(username);
        } catch (RuntimeException e) {
            throw SaslSupport.temporary();
        }
        if (!enabled) {
            throw SaslSupport.disabled();
        }
        byte[] serverSignature = alg.hmac(credential.serverKeyUnsafe(), authMessage);
        String serverFinal = "v=" + B64.encodeToString(serverSignature);
        return new SaslStep.Success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String attemptedUsername() {
        return username;
    }
}
