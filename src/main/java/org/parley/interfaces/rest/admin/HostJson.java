package org.parley.interfaces.rest.admin;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.parley.xmpp.spi.HostSettings;

import java.util.Locale;

/** Host settings as JSON, and a partial JSON update applied to them (type errors name the field). */
final class HostJson {
    private HostJson() {
    }

    static final class BadField extends RuntimeException {
        private final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static JsonObject write(HostSettings s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("domain", s.domain())
                .add("tlsMode", s.tlsMode().name()).add("registrationEnabled", s.registrationEnabled())
                .add("autoApprove", s.autoApprove()).add("mucEnabled", s.mucEnabled())
                .add("federationEnabled", s.federationEnabled()).add("maxOfflineMessages", s.maxOfflineMessages())
                .add("maxStanzaBytes", s.maxStanzaBytes());
        return (s.motd() == null ? b.addNull("motd") : b.add("motd", s.motd())).build();
    }

    static HostSettings merge(HostSettings s, JsonObject json) {
        for (String key : json.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new BadField(key, "unknown setting " + key);
            }
        }
        String motd = s.motd();
        if (json.containsKey("motd")) {
            JsonValue v = json.get("motd");
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                motd = null;
            } else if (v instanceof JsonString str) {
                motd = str.getString().isBlank() ? null : str.getString().strip();
            } else {
                throw new BadField("motd", "motd must be a string or null");
            }
        }
        return new HostSettings(s.domain(), tlsMode(json, s.tlsMode()),
                bool(json, "registrationEnabled", s.registrationEnabled()),
                bool(json, "autoApprove", s.autoApprove()), bool(json, "mucEnabled", s.mucEnabled()),
                bool(json, "federationEnabled", s.federationEnabled()),
                integer(json, "maxOfflineMessages", s.maxOfflineMessages()),
                integer(json, "maxStanzaBytes", s.maxStanzaBytes()), motd);
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("domain", "tlsMode", "registrationEnabled",
            "autoApprove", "mucEnabled", "federationEnabled", "maxOfflineMessages", "maxStanzaBytes", "motd");

    private static HostSettings.TlsMode tlsMode(JsonObject json, HostSettings.TlsMode current) {
        if (!json.containsKey("tlsMode")) {
            return current;
        }
        try {
            return HostSettings.TlsMode.valueOf(((JsonString) json.get("tlsMode")).getString()
                    .toUpperCase(Locale.ROOT));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new BadField("tlsMode", "tlsMode is one of DISABLED, OPTIONAL, REQUIRED");
        }
    }

    private static boolean bool(JsonObject json, String key, boolean current) {
        if (!json.containsKey(key)) {
            return current;
        }
        JsonValue v = json.get(key);
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new BadField(key, key + " must be true or false");
    }

    private static int integer(JsonObject json, String key, int current) {
        if (!json.containsKey(key)) {
            return current;
        }
        if (json.get(key) instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // falls through to the refusal
            }
        }
        throw new BadField(key, key + " must be an integer");
    }
}
