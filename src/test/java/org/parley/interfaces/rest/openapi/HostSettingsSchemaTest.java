package org.parley.interfaces.rest.openapi;

import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;
import org.parley.application.HostSettingCatalog;
import org.parley.xmpp.core.StreamSettings;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI HostSettings schema comes from the catalog: every setting, with its type, range and policy. */
class HostSettingsSchemaTest {
    private final Schema schema = new HostSettingsSchema().schemas().get(HostSettingsSchema.NAME);

    @Test
    void everyCatalogedSettingIsAPropertyOfTheSchema() {
        for (var s : HostSettingCatalog.ALL) {
            assertTrue(schema.getProperties().containsKey(s.name()), s.name());
        }
        assertEquals(HostSettingCatalog.ALL.size() + 1, schema.getProperties().size(), "the settings and domain");
        assertFalse(schema.getProperties().containsKey("mucEnabled"), "hidden until it acts");
        assertFalse(schema.getProperties().containsKey("federationEnabled"), "hidden until it acts");
    }

    @Test
    void aPropertyCarriesTypeRangeDefaultAndPolicy() {
        Schema p = schema.getProperties().get(StreamSettings.MAX_STANZA_BYTES.name());
        assertEquals(List.of(Schema.SchemaType.INTEGER), p.getType());
        assertEquals(new BigDecimal(1024), p.getMinimum());
        assertEquals(262144, ((Number) p.getDefaultValue()).intValue());
        assertEquals(StreamSettings.MAX_STANZA_BYTES.description(), p.getDescription());
        assertEquals("server administrators", p.getExtensions().get("x-changed-by"));
        assertEquals("at once", p.getExtensions().get("x-applies"));
    }

    @Test
    void listsAndNullableTextKeepTheirShape() {
        Schema abuse = schema.getProperties().get("abuseAddresses");
        assertEquals(List.of(Schema.SchemaType.ARRAY), abuse.getType());
        assertEquals("uri", abuse.getItems().getFormat());
        Schema motd = schema.getProperties().get("motd");
        assertTrue(motd.getType().contains(Schema.SchemaType.NULL), "null clears the message of the day");
    }

    /** The description the build generated (and /api/openapi serves) has the schema, and the hosts resource uses it. */
    @Test
    void theGeneratedDescriptionCarriesItAndTheHostsResourceRefersToIt() throws Exception {
        String yaml;
        try (InputStream in = org.parley.interfaces.rest.OpenApiResource.class.getResourceAsStream("openapi.yaml")) {
            assertNotNull(in, "generated at process-classes");
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(yaml.contains("\n    HostSettings:\n"), "in components.schemas");
        for (var s : HostSettingCatalog.ALL) {
            assertTrue(yaml.contains("\n        " + s.name() + ":\n"), s.name());
        }
        assertTrue(yaml.contains("$ref: \"#/components/schemas/HostSettings\"")
                || yaml.contains("$ref: '#/components/schemas/HostSettings'")
                || yaml.contains("$ref: #/components/schemas/HostSettings"), "GET/PUT /api/v1/hosts/{domain} use it");
    }
}
