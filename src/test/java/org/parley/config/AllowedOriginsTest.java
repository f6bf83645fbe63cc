package org.parley.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedOriginsTest {

    @Test
    void anyByDefault() {
        assertTrue(AllowedOrigins.parse(null).allows("https://evil.example"));
        assertTrue(AllowedOrigins.parse("*").allows("https://evil.example"));
        assertTrue(AllowedOrigins.parse(" ").listed("https://evil.example"));
        assertTrue(AllowedOrigins.parse("*").any());
        assertEquals("*", AllowedOrigins.parse("*").frameAncestors());
    }

    @Test
    void allowList() {
        AllowedOrigins p = AllowedOrigins.parse("https://chat.example.org, http://localhost:8000/");
        assertFalse(p.any());
        assertTrue(p.allows("https://chat.example.org"));
        assertTrue(p.allows("HTTPS://Chat.Example.org"));
        assertTrue(p.allows("http://localhost:8000"));
        assertFalse(p.allows("https://evil.example"));
        assertFalse(p.allows("https://chat.example.org:444"));
        assertFalse(p.allows("null"), "sandboxed pages send the origin null");
        assertTrue(p.allows(null), "non-browser clients send no Origin");
        assertFalse(p.listed(null), "no Origin is not on the list");
    }
}
