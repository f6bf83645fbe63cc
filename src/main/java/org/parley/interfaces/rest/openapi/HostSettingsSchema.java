package org.parley.interfaces.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.parley.application.HostSettingCatalog;
import org.parley.xmpp.spi.setting.HostSetting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schema {@code HostSettings}, one property per setting of the catalog: type and range from the
 * setting's type, its description, default, who may change it and whether it applies at once. The REST resource
 * of hosts refers to it; a new setting appears here without an edit.
 */
public final class HostSettingsSchema implements OpenApiSchemaSource {
    public static final String NAME = "HostSettings";

    @Override
    public Map<String, Schema> schemas() {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A domain's settings (docs/admin.md). PUT takes any subset; the others keep their values.")
                .addProperty("domain", OASFactory.createSchema().addType(Schema.SchemaType.STRING).readOnly(true));
        for (HostSetting<?> s : HostSettingCatalog.ALL) {
            schema.addProperty(s.name(), property(s));
        }
        return Map.of(NAME, schema);
    }

    static Schema property(HostSetting<?> s) {
        return fromMap(s.type().schema())
                .description(s.description())
                .defaultValue(defaultOf(s))
                .addExtension("x-changed-by", s.changer() == HostSetting.Changer.SERVER_ADMIN
                        ? "server administrators" : "the domain's administrators")
                .addExtension("x-applies", s.immediate() ? "at once" : "to new streams");
    }

    private static <T> Object defaultOf(HostSetting<T> s) {
        return s.type().toPlain(s.defaultValue());
    }

    /** A setting type's JSON-schema map (SettingType.schema) as a model: the keywords the types use. */
    static Schema fromMap(Map<String, Object> map) {
        Schema schema = OASFactory.createSchema();
        map.forEach((key, value) -> {
            switch (key) {
                case "type" -> schema.addType(Schema.SchemaType.valueOf(value.toString().toUpperCase()));
                case "nullable" -> {
                    if (Boolean.TRUE.equals(value)) {
                        schema.addType(Schema.SchemaType.NULL);
                    }
                }
                case "enum" -> schema.enumeration(List.copyOf((List<?>) value));
                case "format" -> schema.format(value.toString());
                case "minimum" -> schema.minimum(new BigDecimal(value.toString()));
                case "maximum" -> schema.maximum(new BigDecimal(value.toString()));
                case "maxLength" -> schema.maxLength(((Number) value).intValue());
                case "maxItems" -> schema.maxItems(((Number) value).intValue());
                case "items" -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> items = (Map<String, Object>) value;
                    schema.items(fromMap(items));
                }
                default -> throw new IllegalArgumentException("schema keyword not mapped: " + key);
            }
        });
        return schema;
    }
}
