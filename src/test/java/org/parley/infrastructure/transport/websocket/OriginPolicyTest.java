package org.parley.infrastructure.transport.websocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginPolicyTest {

    @Test
    void anyByDefault() {
        assertTrue(OriginPolicy.parse(null).allows("https://evil.example"));
        assertTrue(OriginPolicy.parse("*").allows("https://evil.example"));
        assertTrue(OriginPolicy.parse(" ").allows("https://evil.example"));
    }

    @Test
    void allowList() {
        OriginPolicy p = OriginPolicy.parse("https://chat.example.org, http://localhost:8000/");
        assertTrue(p.allows("https://chat.example.org"));
        assertTrue(p.allows("HTTPS://Chat.Example.org"));
        assertTrue(p.allows("http://localhost:8000"));
        assertFalse(p.allows("https://evil.example"));
        assertFalse(p.allows("https://chat.example.org:444"));
        assertFalse(p.allows("null"), "sandboxed pages send the origin null");
        assertTrue(p.allows(null), "non-browser clients send no Origin");
    }
}
