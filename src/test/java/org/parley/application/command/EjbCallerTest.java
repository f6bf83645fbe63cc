package org.parley.application.command;

import org.junit.jupiter.api.Test;
import org.parley.api.ParleyException;
import org.xmpp.packet.JID;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who an EJB call runs as: the Parley account it is authenticated as, else the trusted system. */
class EjbCallerTest {
    private final Map<String, Boolean> accounts = Map.of("admin@example.org", true, "juliet@example.org", false);
    private final Function<JID, Optional<Boolean>> flags = j -> Optional.ofNullable(accounts.get(j.toBareJID()));

    private static Principal named(String name) {
        return () -> name;
    }

    @Test
    void anAuthenticatedAccountRunsAsItself() {
        Caller juliet = EjbCaller.of(named("juliet@example.org"), flags);
        assertEquals(new JID("juliet@example.org"), juliet.jid());
        assertFalse(juliet.admin());
        assertTrue(EjbCaller.of(named("admin@example.org/desk"), flags).isAdminOf("example.org"));
    }

    @Test
    void callsWithoutAParleyIdentityRunAsTheSystem() {
        assertTrue(EjbCaller.of(null, flags).isSystem());
        assertTrue(EjbCaller.of(named("anonymous"), flags).isSystem());
        assertTrue(EjbCaller.of(named("bob@corp.example"), flags).isSystem(), "no Parley account");
    }

    @Test
    void anAccountOnBehalfOfItselfCannotDemoteItself() {
        CommandRegistry registry = new TestServices().registry;
        Caller admin = EjbCaller.of(named("admin@example.org"), flags);
        ParleyException e = assertThrows(
                ParleyException.class, () -> registry.authorize(admin, "update_account",
                        Map.of("user", "admin", "host", "example.org", "admin", false)));
        assertEquals(ParleyException.Code.NOT_ALLOWED, e.code());
        assertEquals("admin", e.field());
    }
}
