package org.parley.interfaces.rest.admin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {
    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUserAndPasswordWithColonsAndUtf8() {
        BasicCredentials c = BasicCredentials.parse(basic("admin@example.org:p:äss")).orElseThrow();
        assertEquals("admin@example.org", c.user());
        assertEquals("p:äss", c.password());
        assertTrue(BasicCredentials.parse("basic " + basic("a@b:c").substring(6)).isPresent(), "scheme is case-insensitive");
    }

    @Test
    void refusesOtherSchemesAndBadEncodings() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!").isEmpty());
        assertTrue(BasicCredentials.parse(basic("no-colon")).isEmpty());
        assertTrue(BasicCredentials.parse(basic(":password-only")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'}))
                .isEmpty());
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(BasicCredentials.parse(basic("a@b:topsecret")).orElseThrow().toString().contains("topsecret"));
    }
}
