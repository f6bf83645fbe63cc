package org.parley.xmpp.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaslMechanismsTest {

    @Test
    void offered() {
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"), SaslMechanisms.offered(true));
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1"), SaslMechanisms.offered(false));
    }

    @Test
    void create() throws Exception {
        TestStore store = new TestStore();
        assertEquals("SCRAM-SHA-256", SaslMechanisms.create("SCRAM-SHA-256", "d", store, false).name());
        assertEquals("SCRAM-SHA-1", SaslMechanisms.create("SCRAM-SHA-1", "d", store, false).name());
        assertInstanceOf(PlainServerMechanism.class, SaslMechanisms.create("PLAIN", "d", store, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GSSAPI", "DIGEST-MD5", "CRAM-MD5", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-512", "scram-sha-1",
            "ANONYMOUS", "EXTERNAL", ""})
    void unknownMechanisms(String name) {
        for (boolean plain : new boolean[] {true, false}) {
            SaslFailure f = assertThrows(SaslFailure.class,
                    () -> SaslMechanisms.create(name, "d", new TestStore(), plain));
            assertEquals("invalid-mechanism", f.condition());
        }
    }

    @Test
    void plainOnlyWhenAllowed() {
        SaslFailure f = assertThrows(SaslFailure.class,
                () -> SaslMechanisms.create("PLAIN", "d", new TestStore(), false));
        assertEquals("invalid-mechanism", f.condition());
        assertEquals("invalid-mechanism", assertThrows(SaslFailure.class,
                () -> SaslMechanisms.create(null, "d", new TestStore(), true)).condition());
    }

    @Test
    void failureConditions() {
        assertEquals(11, SaslFailure.CONDITIONS.size());
        assertEquals("not-authorized", new SaslFailure("not-authorized", null).condition());
        assertThrows(IllegalArgumentException.class, () -> new SaslFailure("bad-password", "x"));
    }
}
