package org.parley.xmpp.spi;

import org.parley.xmpp.spi.setting.HostSetting;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one domain: an immutable map of typed values keyed by the settings' names. A setting without
 * a value has its default, so adding a setting changes no caller and no constructor.
 */
public final class HostSettings {
    public enum TlsMode { DISABLED, OPTIONAL, REQUIRED }

    private final String domain;
    private final Map<String, Object> values;

    private HostSettings(String domain, Map<String, Object> values) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.values = values;
    }

    public static HostSettings defaults(String domain) {
        return new HostSettings(domain, Map.of());
    }

    public String domain() {
        return domain;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(HostSetting<T> setting) {
        return values.containsKey(setting.name()) ? (T) values.get(setting.name()) : setting.defaultValue();
    }

    /** A copy with {@code setting} set to {@code value} (null: back to its default). */
    public <T> HostSettings with(HostSetting<T> setting, T value) {
        Map<String, Object> next = new HashMap<>(values);
        if (value == null || value.equals(setting.defaultValue())) { // defaults are not held, so equals() is by value
            next.remove(setting.name());
        } else {
            next.put(setting.name(), value);
        }
        return new HostSettings(domain, Map.copyOf(next));
    }

    /** The same for a plain (JSON) value; IllegalArgumentException when it has the wrong type or breaks a rule. */
    public <T> HostSettings withPlain(HostSetting<T> setting, Object plain) {
        return with(setting, setting.checked(plain));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostSettings h && h.domain.equals(domain) && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return domain.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return domain + values;
    }
}
