package org.parley.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SCRAM messages that break RFC 5802 §7 syntax or do not continue the exchange. */
class ScramMalformedMessagesTest {

    private static final String DOMAIN = "example.com";

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static void fails(String condition, SaslServerMechanism m, byte[] data) {
        SaslFailure f = assertThrows(SaslFailure.class, () -> m.evaluate(data));
        assertEquals(condition, f.condition(), () -> "text: " + f.text());
    }

    private static byte[] challenge(SaslStep step) {
        return assertInstanceOf(SaslStep.Challenge.class, step).data();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "n,,",
            "n,,n=user",
            "n,,n=user,",
            "n,,r=abc,n=user",
            "x,,n=user,r=abc",
            "n,,n=,r=abc",
            "n,,n=us=er,r=abc",
            "n,,n=us=2c,r=abc",
            "n,,n=user,r=",
            "n,,n=user,r=ab c",
            "n,,m=ext,n=user,r=abc",
            "n,,n=user,r=abc,",
            "n,,n=user,r=abc,1=x",
            "n,,n=user,r=abc,e=",
            "n,b=x,n=user,r=abc",
            "n,a=,n=user,r=abc",
            "p=,,n=user,r=abc",
            "p=tls unique,,n=user,r=abc",
            "N,,n=user,r=abc",
            " n,,n=user,r=abc",
    })
    void malformedClientFirst(String msg) throws Exception {
        TestStore store = new TestStore().add("user", "secret");
        fails("malformed-request", SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false), b(msg));
    }

    @Test
    void invalidUtf8IsMalformed() throws Exception {
        byte[] msg = {'n', ',', ',', 'n', '=', (byte) 0xC3, (byte) 0x28, ',', 'r', '=', 'a'};
        fails("malformed-request", SaslMechanisms.create("SCRAM-SHA-1", DOMAIN, new TestStore(), false), msg);
    }

    @Test
    void oversizedMessageIsMalformed() throws Exception {
        byte[] msg = b("n,,n=user,r=" + "a".repeat(10_000));
        fails("malformed-request", SaslMechanisms.create("SCRAM-SHA-1", DOMAIN, new TestStore(), false), msg);
    }

    @Test
    void unknownExtensionInClientFirstIsIgnored() throws Exception {
        TestStore store = new TestStore().add("user", "secret");
        SaslServerMechanism m = SaslMechanisms.create("SCRAM-SHA-256", DOMAIN, store, false);
        challenge(m.evaluate(b("n,,n=user,r=abc,x=whatever")));
    }

    /** Runs the first step for "user" with server nonce "SERVER" and returns the mechanism. */
    private static ScramServerMechanism afterFirst(TestStore store) throws SaslFailure {
        ScramServerMechanism m = new ScramServerMechanism(ScramAlgorithm.SHA_256, DOMAIN, store, () -> "SERVER");
        challenge(m.evaluate(b("n,,n=user,r=abc")));
        return m;
    }

    private static final String PROOF32 = "p=" + Base64.getEncoder().encodeToString(new byte[32]);

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "c=biws,r=abcSERVER",
            "r=abcSERVER,c=biws," + "P",
            "c=biws," + "p=AAAA",
            "c=biws,r=abcSERVER,p=AAAA",
            "c=biws,r=abcSERVER,p=not base64!",
            "c=biws,r=abcSERVER,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "c=bi ws,r=abcSERVER,",
            "c=biw,r=abcSERVER,",
            "c=biws,x,r=abcSERVER,",
            "c=biws,r=abcSERVER,=1,",
    })
    void malformedClientFinal(String msg) throws Exception {
        TestStore store = new TestStore().add("user", "secret");
        String full = msg.endsWith(",") ? msg + PROOF32 : msg;
        fails("malformed-request", afterFirst(store), b(full));
        assertTrue(store.enabledQueries.isEmpty());
    }

    @Test
    void wrongNonceIsNotAuthorized() throws Exception {
        TestStore store = new TestStore().add("user", "secret");
        fails("not-authorized", afterFirst(store), b("c=biws,r=abcOTHER," + PROOF32));
    }

    @Test
    void channelBindingDataMismatchIsNotAuthorized() throws Exception {
        TestStore store = new TestStore().add("user", "secret");
        // client-first said "n,,", final claims "y,,"
        fails("not-authorized", afterFirst(store), b("c=eSws,r=abcSERVER," + PROOF32));
    }
}
