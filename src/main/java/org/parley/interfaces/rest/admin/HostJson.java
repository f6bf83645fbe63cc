package org.parley.interfaces.rest.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.parley.application.HostSettingCatalog;
import org.parley.xmpp.spi.HostSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host settings as JSON ({"domain", then every catalogued setting by name}), and a partial JSON update
 * applied to them (errors name the setting). Generated from the setting catalog: nothing here per setting.
 */
final class HostJson {
    private HostJson() {
    }

    static JsonObject write(HostSettings s) {
        return write(s.domain(), HostSettingCatalog.toPlain(s));
    }

    /** The same from the settings as plain values by name (get_host_settings' result). */
    static JsonObject write(String domain, Map<?, ?> plain) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("domain", domain);
        for (Map.Entry<?, ?> e : plain.entrySet()) {
            b.add(String.valueOf(e.getKey()), json(e.getValue()));
        }
        return b.build();
    }

    /** {@code s} with the settings the JSON object names ("domain" is ignored); BadSetting names the culprit. */
    static HostSettings merge(HostSettings s, JsonObject json) {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : json.entrySet()) {
            if (!e.getKey().equals("domain")) {
                plain.put(e.getKey(), plain(e.getValue()));
            }
        }
        return HostSettingCatalog.merge(s, plain);
    }

    private static JsonValue json(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer i) {
            return Json.createValue(i);
        }
        if (v instanceof List<?> list) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            list.forEach(item -> a.add(json(item)));
            return a.build();
        }
        return Json.createValue(v.toString());
    }

    /** JSON as plain Java values; a number stays a Number so that the setting's type judges it. */
    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case STRING -> ((JsonString) v).getString();
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(item -> list.add(plain(item)));
                yield list;
            }
            case OBJECT -> v; // no setting takes an object: its type refuses it
        };
    }
}
