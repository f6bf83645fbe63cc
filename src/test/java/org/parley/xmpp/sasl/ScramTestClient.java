package org.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Minimal independent client side of SCRAM for tests (RFC 5802 §3), using javax.crypto PBKDF2 for Hi. */
final class ScramTestClient {

    final ScramAlgorithm alg;
    final String gs2Header;
    final String clientFirstBare;
    String serverFirst;
    byte[] saltedPassword;
    String clientFinalWithoutProof;

    ScramTestClient(ScramAlgorithm alg, String gs2Header, String encodedUser, String clientNonce) {
        this.alg = alg;
        this.gs2Header = gs2Header;
        this.clientFirstBare = "n=" + encodedUser + ",r=" + clientNonce;
    }

    byte[] clientFirst() {
        return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** The client-final-message for {@code password} given the server-first-message. */
    byte[] clientFinal(byte[] serverFirstBytes, String password) throws Exception {
        serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        String nonce = attr(serverFirst, 'r');
        byte[] salt = Base64.getDecoder().decode(attr(serverFirst, 's'));
        int iterations = Integer.parseInt(attr(serverFirst, 'i'));
        javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance(
                "PBKDF2With" + alg.hmacAlgorithm());
        saltedPassword = f.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations,
                alg.hashLength() * 8)).getEncoded();
        clientFinalWithoutProof = "c=" + Base64.getEncoder().encodeToString(
                gs2Header.getBytes(StandardCharsets.UTF_8)) + ",r=" + nonce;
        byte[] authMessage = authMessage();
        byte[] clientKey = alg.hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = alg.hash(clientKey);
        byte[] signature = alg.hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return (clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The server-final-message the server should send. */
    String expectedServerFinal() {
        byte[] serverKey = alg.hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return "v=" + Base64.getEncoder().encodeToString(alg.hmac(serverKey, authMessage()));
    }

    private byte[] authMessage() {
        return (clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof).getBytes(StandardCharsets.UTF_8);
    }

    static String attr(String msg, char name) {
        for (String part : msg.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + msg);
    }
}
