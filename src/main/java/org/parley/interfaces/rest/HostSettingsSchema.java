package org.parley.interfaces.rest;

import org.parley.application.HostSettingCatalog;
import org.parley.xmpp.spi.setting.HostSetting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schema {@code HostSettings}, generated from the setting catalog at runtime and put in place of
 * {@link #MARKER} in openapi.yaml. Each property is written as JSON, which is YAML too.
 */
public final class HostSettingsSchema {
    /** The line of openapi.yaml the generated schema replaces. */
    public static final String MARKER = "    HostSettings: GENERATED";

    private HostSettingsSchema() {
    }

    public static String insertInto(String yaml) {
        return yaml.replace(MARKER, yaml("    "));
    }

    /** The schema as YAML lines at the given indentation (that of the schemas' names). */
    static String yaml(String indent) {
        StringBuilder out = new StringBuilder();
        out.append(indent).append("HostSettings:\n");
        out.append(indent).append("  type: object\n");
        out.append(indent).append("  description: ").append(json(
                "A domain's settings (docs/admin.md). PUT takes any subset; the others keep their values.")).append('\n');
        out.append(indent).append("  properties:\n");
        out.append(indent).append("    domain: ").append(json(Map.of("type", "string", "readOnly", true))).append('\n');
        for (HostSetting<?> s : HostSettingCatalog.ALL) {
            out.append(indent).append("    ").append(s.name()).append(": ").append(json(property(s))).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static Map<String, Object> property(HostSetting<?> s) {
        Map<String, Object> p = new LinkedHashMap<>(s.type().schema());
        p.put("description", s.description());
        p.put("default", defaultOf(s));
        p.put("x-changed-by", s.changer() == HostSetting.Changer.SERVER_ADMIN ? "server administrators"
                : "the domain's administrators");
        p.put("x-applies", s.immediate() ? "at once" : "to new streams");
        return p;
    }

    private static <T> Object defaultOf(HostSetting<T> s) {
        return s.type().toPlain(s.defaultValue());
    }

    /** JSON text of maps, lists, strings, numbers, booleans and null. */
    static String json(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            map.forEach((k, value) -> b.append(b.length() > 1 ? ", " : "").append(json(k.toString())).append(": ")
                    .append(json(value)));
            return b.append('}').toString();
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(HostSettingsSchema::json).toList()) + "]";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toString().toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
