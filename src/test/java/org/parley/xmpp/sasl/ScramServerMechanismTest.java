package org.parley.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScramServerMechanismTest {

    private static final String DOMAIN = "example.com";

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, UTF_8);
    }

    private static SaslFailure fails(String condition, SaslServerMechanism m, byte[] data) {
        SaslFailure f = assertThrows(SaslFailure.class, () -> m.evaluate(data));
        assertEquals(condition, f.condition(), () -> "text: " + f.text());
        return f;
    }

    private static byte[] challenge(SaslStep step) {
        return assertInstanceOf(SaslStep.Challenge.class, step).data();
    }

    // ----- RFC test vectors -----

    @Test
    void rfc5802ScramSha1Example() throws Exception {
        TestStore store = new TestStore().put("user", ScramCredential.derive(ScramAlgorithm.SHA_1, "pencil",
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096));
        ScramServerMechanism m = new ScramServerMechanism(ScramAlgorithm.SHA_1, DOMAIN, store,
                () -> "3rfcNHYJY1ZVvWVs7j");
        assertEquals("SCRAM-SHA-1", m.name());

        SaslStep first = m.evaluate(b("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
        assertEquals("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096", s(challenge(first)));

        SaslStep last = m.evaluate(b("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                + "p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
        SaslStep.Success ok = assertInstanceOf(SaslStep.Success.class, last);
        assertEquals("user", ok.username());
        assertEquals("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=", s(ok.additionalData()));
        assertEquals(java.util.List.of("user"), store.enabledQueries);
    }

    @Test
    void rfc7677ScramSha256Example() throws Exception {
        TestStore store = new TestStore().put("user", ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil",
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096));
        ScramServerMechanism m = new ScramServerMechanism(ScramAlgorithm.SHA_256, DOMAIN, store,
                () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        assertEquals("SCRAM-SHA-256", m.name());

        SaslStep first = m.evaluate(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                s(challenge(first)));

        SaslStep last = m.evaluate(b("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        SaslStep.Success ok = assertInstanceOf(SaslStep.Success.class, last);
        assertEquals("user", ok.username());
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", s(ok.additionalData()));
    }

    // ----- full exchanges with the random nonce -----

    private static SaslStep.Success login(SaslServerMechanism m, ScramTestClient c, String password)
            throws Exception {
        byte[] serverFirst = challenge(m.evaluate(c.clientFirst()));
        return assertInstanceOf(SaslStep.Success.class, m.evaluate(c.clientFinal(serverFirst, password)));
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void fullExchangeWithRandomNonce(ScramAlgorithm alg) throws Exception {
        TestStore store = new TestStore().add("juliet", "r0m30 & more");
        SaslServerMechanism m = SaslMechanisms.create(alg.mechanismName(), DOMAIN, store, false);
        ScramTestClient c = new ScramTestClient(alg, "n,,", "juliet", "abcdefghijklmnop");
        byte[] serverFirst = challenge(m.evaluate(c.clientFirst()));
        String nonce = ScramTestClient.attr(s(serverFirst), 'r');
        assertTrue(nonce.startsWith("abcdefghijklmnop"));
        // ≥ 18 random bytes, base64
        String serverPart = nonce.substring("abcdefghijklmnop".length());
        assertTrue(Base64.getDecoder().decode(serverPart).length >= 18);
        assertEquals(ScramCredential.SALT_LENGTH,
                Base64.getDecoder().decode(ScramTestClient.attr(s(serverFirst), 's')).length);
        assertEquals("4096", ScramTestClient.attr(s(serverFirst), 'i'));

        SaslStep step = m.evaluate(c.clientFinal(serverFirst, "r0m30 & more"));
        SaslStep.Success ok = assertInstanceOf(SaslStep.Success.class, step);
        assertEquals("juliet", ok.username());
        assertEquals(c.expectedServerFinal(), s(ok.additionalData()));
    }

    @Test
    void serverNoncesDiffer() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        String n1 = ScramTestClient.attr(s(challenge(new ScramServerMechanism(ScramAlgorithm.SHA_256, DOMAIN, store)
                .evaluate(b("n,,n=juliet,r=abc")))), 'r');
        String n2 = ScramTestClient.attr(s(challenge(new ScramServerMechanism(ScramAlgorithm.SHA_256, DOMAIN, store)
                .evaluate(b("n,,n=juliet,r=abc")))), 'r');
        assertNotEquals(n1, n2);
    }

    @Test
    void noInitialResponseGetsEmptyChallenge() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        assertEquals(0, challenge(m.evaluate(new byte[0])).length);
        SaslStep.Success ok = login(m, new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "juliet", "xyz"), "secret");
        assertEquals("juliet", ok.username());
    }

    @Test
    void secondEmptyMessageIsMalformed() throws Exception {
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, new TestStore(), false);
        challenge(m.evaluate(null));
        fails("malformed-request", m, new byte[0]);
    }

    @Test
    void clientWithChannelBindingSupportFlagYIsAccepted() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-1", DOMAIN, store, false);
        SaslStep.Success ok = login(m, new ScramTestClient(ScramAlgorithm.SHA_1, "y,,", "juliet", "xyz"), "secret");
        assertEquals("juliet", ok.username());
    }

    @Test
    void escapedUsernameIsDecoded() throws Exception {
        TestStore store = new TestStore().add("a,b=c", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        SaslStep.Success ok = login(m, new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "a=2Cb=3Dc", "xyz"),
                "secret");
        assertEquals("a,b=c", ok.username());
        assertEquals("a,b=c", store.lookups.get(0));
    }

    @Test
    void nonAsciiPasswordIsSaslPrepped() throws Exception {
        // stored with a no-break space, client (which SASLpreps) sends a plain space
        TestStore store = new TestStore().add("juliet", "my\u00A0pass");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        login(m, new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "juliet", "xyz"), "my pass");
    }

    // ----- failures -----

    @Test
    void wrongPasswordIsNotAuthorized() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        ScramTestClient c = new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "juliet", "xyz");
        byte[] serverFirst = challenge(m.evaluate(c.clientFirst()));
        fails("not-authorized", m, c.clientFinal(serverFirst, "Secret"));
        assertTrue(store.enabledQueries.isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void unknownUserFailsOnlyAtProof(ScramAlgorithm alg) throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create(alg.mechanismName(), DOMAIN, store, false);
        ScramTestClient c = new ScramTestClient(alg, "n,,", "romeo", "xyz");
        byte[] serverFirst = challenge(m.evaluate(c.clientFirst()));
        String sf = s(serverFirst);
        // indistinguishable shape from a real account
        assertTrue(ScramTestClient.attr(sf, 'r').startsWith("xyz"));
        assertEquals(ScramCredential.SALT_LENGTH, Base64.getDecoder().decode(ScramTestClient.attr(sf, 's')).length);
        assertEquals(String.valueOf(ScramCredential.DEFAULT_ITERATIONS), ScramTestClient.attr(sf, 'i'));
        SaslFailure f = fails("not-authorized", m, c.clientFinal(serverFirst, "secret"));

        // same text as a wrong password for an existing account
        SaslServerMechanism m2 = SaslMechanisms.create(alg.mechanismName(), DOMAIN, store, false);
        ScramTestClient c2 = new ScramTestClient(alg, "n,,", "juliet", "xyz");
        SaslFailure f2 = fails("not-authorized", m2, c2.clientFinal(challenge(m2.evaluate(c2.clientFirst())), "x"));
        assertEquals(f2.text(), f.text());
        assertTrue(store.enabledQueries.isEmpty());
    }

    @Test
    void unknownUserSaltIsStablePerNameAndDiffersBetweenNames() throws Exception {
        TestStore store = new TestStore();
        String salt1 = ScramTestClient.attr(s(challenge(SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false)
                .evaluate(b("n,,n=ghost,r=a")))), 's');
        String salt2 = ScramTestClient.attr(s(challenge(SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false)
                .evaluate(b("n,,n=ghost,r=b")))), 's');
        String other = ScramTestClient.attr(s(challenge(SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false)
                .evaluate(b("n,,n=phantom,r=b")))), 's');
        String sha1 = ScramTestClient.attr(s(challenge(SaslMechanisms.create("SCRAM-SHA-1", DOMAIN, store, false)
                .evaluate(b("n,,n=ghost,r=b")))), 's');
        assertEquals(salt1, salt2);
        assertNotEquals(salt1, other);
        assertNotEquals(salt1, sha1);
    }

    @Test
    void disabledAccountAfterCorrectProof() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        store.disabled.add("juliet");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        ScramTestClient c = new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "juliet", "xyz");
        fails("account-disabled", m, c.clientFinal(challenge(m.evaluate(c.clientFirst())), "secret"));
    }

    @Test
    void disabledAccountWithWrongPasswordIsNotAuthorized() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        store.disabled.add("juliet");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        ScramTestClient c = new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "juliet", "xyz");
        fails("not-authorized", m, c.clientFinal(challenge(m.evaluate(c.clientFirst())), "wrong"));
    }

    @Test
    void channelBindingRequestIsRejected() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        fails("not-authorized", m, b("p=tls-exporter,,n=juliet,r=xyz"));
        assertTrue(store.lookups.isEmpty());
    }

    @Test
    void authzidOwnJidAccepted() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        for (String authzid : new String[] {"juliet@example.com", "Juliet@Example.COM"}) {
            SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
            SaslStep.Success ok = login(m,
                    new ScramTestClient(ScramAlgorithm.SHA_256, "n,a=" + authzid + ",", "juliet", "xyz"), "secret");
            assertEquals("juliet", ok.username());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"romeo@example.com", "juliet@example.org", "juliet@example.com/balcony", "juliet"})
    void authzidMismatchIsInvalidAuthzid(String authzid) throws Exception {
        TestStore store = new TestStore().add("juliet", "secret").add("romeo", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        fails("invalid-authzid", m, b("n,a=" + authzid + ",n=juliet,r=xyz"));
    }

    @Test
    void storeFailureIsTemporary() throws Exception {
        TestStore store = new TestStore().add("user", "secret");
        store.broken = true;
        fails("temporary-auth-failure", SaslMechanisms.create("SCRAM-SHA-1", DOMAIN, store, false),
                b("n,,n=user,r=abc"));
    }

    @Test
    void exchangeIsOverAfterSuccessOrFailure() throws Exception {
        TestStore store = new TestStore().add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        ScramTestClient c = new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", "juliet", "xyz");
        byte[] clientFinal = c.clientFinal(challenge(m.evaluate(c.clientFirst())), "secret");
        assertInstanceOf(SaslStep.Success.class, m.evaluate(clientFinal));
        fails("malformed-request", m, clientFinal);
        fails("malformed-request", m, c.clientFirst());

        SaslServerMechanism m2 = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        fails("malformed-request", m2, b("garbage"));
        fails("malformed-request", m2, c.clientFirst());
    }

    @Test
    void challengeDataIsCopied() throws Exception {
        SaslStep.Challenge ch = new SaslStep.Challenge(new byte[] {1, 2});
        ch.data()[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, ch.data());
        assertFalse(new SaslStep.Success("u", new byte[0]).additionalData().length > 0);
    }
}
