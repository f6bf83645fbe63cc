package org.parley.application;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyServiceInputTest {

    @Test
    void nameIsRequiredAndLimited() {
        assertEquals("name", ApiKeyService.invalidField(null, "admin"));
        assertEquals("name", ApiKeyService.invalidField("  ", "admin"));
        assertEquals("name", ApiKeyService.invalidField("n".repeat(101), "admin"));
        assertNull(ApiKeyService.invalidField(" " + "n".repeat(100) + " ", "admin"), "trimmed before counting");
    }

    @Test
    void scopeIsReadOnlyOrAdmin() {
        assertNull(ApiKeyService.invalidField("ci", "read-only"));
        assertNull(ApiKeyService.invalidField("ci", "ADMIN"));
        assertEquals("scope", ApiKeyService.invalidField("ci", null));
        assertEquals("scope", ApiKeyService.invalidField("ci", "write"));
        assertEquals("name", ApiKeyService.invalidField("", "write"), "the first problem is reported");
    }

    @Test
    void problemsSayWhatIsExpected() {
        assertTrue(ApiKeyService.problem("scope").contains("read-only or admin"));
        assertTrue(ApiKeyService.problem("name").contains("required"));
    }
}
