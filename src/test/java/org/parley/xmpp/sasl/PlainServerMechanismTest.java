package org.parley.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainServerMechanismTest {

    private static final String DOMAIN = "example.com";

    private final TestStore store = new TestStore().add("juliet", "secret");

    private SaslServerMechanism plain() throws SaslFailure {
        return SaslMechanisms.create("PLAIN", DOMAIN, store, true);
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static void fails(String condition, SaslServerMechanism m, byte[] data) {
        SaslFailure f = assertThrows(SaslFailure.class, () -> m.evaluate(data));
        assertEquals(condition, f.condition(), () -> "text: " + f.text());
    }

    @Test
    void success() throws Exception {
        SaslServerMechanism m = plain();
        assertEquals("PLAIN", m.name());
        SaslStep.Success ok = assertInstanceOf(SaslStep.Success.class, m.evaluate(b("\0juliet\0secret")));
        assertEquals("juliet", ok.username());
        assertEquals(0, ok.additionalData().length);
    }

    @Test
    void successWithOwnAuthzid() throws Exception {
        SaslStep.Success ok = assertInstanceOf(SaslStep.Success.class,
                plain().evaluate(b("juliet@example.com\0juliet\0secret")));
        assertEquals("juliet", ok.username());
    }

    @Test
    void noInitialResponseGetsEmptyChallenge() throws Exception {
        SaslServerMechanism m = plain();
        assertEquals(0, assertInstanceOf(SaslStep.Challenge.class, m.evaluate(new byte[0])).data().length);
        assertInstanceOf(SaslStep.Success.class, m.evaluate(b("\0juliet\0secret")));
    }

    @Test
    void emptyResponseAfterEmptyChallengeIsMalformed() throws Exception {
        SaslServerMechanism m = plain();
        m.evaluate(new byte[0]);
        fails("malformed-request", m, new byte[0]);
    }

    @Test
    void wrongPassword() throws Exception {
        fails("not-authorized", plain(), b("\0juliet\0Secret"));
        assertTrue(store.enabledQueries.isEmpty());
    }

    @Test
    void unknownUser() throws Exception {
        fails("not-authorized", plain(), b("\0romeo\0secret"));
    }

    @Test
    void disabled() throws Exception {
        store.disabled.add("juliet");
        fails("account-disabled", plain(), b("\0juliet\0secret"));
        fails("not-authorized", plain(), b("\0juliet\0wrong"));
    }

    @Test
    void authzidMismatch() throws Exception {
        fails("invalid-authzid", plain(), b("romeo@example.com\0juliet\0secret"));
        fails("invalid-authzid", plain(), b("juliet@example.net\0juliet\0secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "juliet\0secret", "\0\0secret", "\0juliet\0", "\0juliet\0secret\0",
            "a\0b\0c\0d"})
    void malformed(String msg) throws Exception {
        fails("malformed-request", plain(), b(msg));
    }

    @Test
    void invalidUtf8IsMalformed() throws Exception {
        fails("malformed-request", plain(), new byte[] {0, 'j', 0, (byte) 0xFF});
    }

    @Test
    void storeFailureIsTemporary() throws Exception {
        store.broken = true;
        fails("temporary-auth-failure", plain(), b("\0juliet\0secret"));
    }

    @Test
    void verifyPlainOverrideIsUsed() throws Exception {
        TestStore tokens = new TestStore() {
            @Override
            public boolean verifyPlain(String username, String password) {
                return username.equals("juliet") && password.equals("one-time-token");
            }
        };
        tokens.add("juliet", "secret");
        SaslServerMechanism m = SaslMechanisms.create("PLAIN", DOMAIN, tokens, true);
        assertInstanceOf(SaslStep.Success.class, m.evaluate(b("\0juliet\0one-time-token")));
        fails("not-authorized", SaslMechanisms.create("PLAIN", DOMAIN, tokens, true), b("\0juliet\0secret"));
    }

    @Test
    void exchangeIsOverAfterwards() throws Exception {
        SaslServerMechanism m = plain();
        m.evaluate(b("\0juliet\0secret"));
        fails("malformed-request", m, b("\0juliet\0secret"));
    }
}
