package org.parley.interfaces.rest;

import org.junit.jupiter.api.Test;
import org.parley.application.HostSettingCatalog;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI HostSettings schema comes from the catalog, in place of the marker of openapi.yaml. */
class HostSettingsSchemaTest {

    static String served() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.yaml")) {
            assertNotNull(in);
            return HostSettingsSchema.insertInto(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyCatalogedSettingIsAPropertyOfTheSchema() throws Exception {
        String yaml = served();
        assertFalse(yaml.contains(HostSettingsSchema.MARKER), "the marker is replaced");
        assertTrue(yaml.contains("\n    HostSettings:\n      type: object\n"), "at the schemas' indentation");
        for (var s : HostSettingCatalog.ALL) {
            assertTrue(yaml.contains("\n        " + s.name() + ": {"), s.name());
        }
        assertFalse(yaml.contains("mucEnabled") || yaml.contains("federationEnabled"), "hidden until they act");
    }

    @Test
    void aPropertyCarriesTypeRangeDefaultAndPolicy() {
        assertEquals("{\"type\": \"integer\", \"minimum\": 1024, \"description\": \""
                        + org.parley.xmpp.core.StreamSettings.MAX_STANZA_BYTES.description() + "\", \"default\": 262144, "
                        + "\"x-changed-by\": \"server administrators\", \"x-applies\": \"at once\"}",
                HostSettingsSchema.json(HostSettingsSchema.property(org.parley.xmpp.core.StreamSettings.MAX_STANZA_BYTES)));
        assertEquals("\"a\\\"b\\\\c\\n\"", HostSettingsSchema.json("a\"b\\c\n"));
    }
}
