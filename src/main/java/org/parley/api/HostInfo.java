package org.parley.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A virtual host's settings, by the names of the REST API ({@code tlsMode}, {@code maxStanzaBytes}, ... see
 * docs/admin.md): values are Boolean, Integer, String or List of String, as in JSON; a text setting without a
 * value (e.g. no motd) is absent. New settings appear here without a new version of this record.
 */
public record HostInfo(String domain, Map<String, Object> settings) implements Serializable {
    public HostInfo {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings)); // null: no value
    }

    /** A copy with one setting changed; updateHost() changes only the settings the HostInfo holds. */
    public HostInfo with(String name, Object value) {
        java.util.Map<String, Object> next = new java.util.LinkedHashMap<>(settings);
        next.put(name, value);
        return new HostInfo(domain, next);
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(settings.get(name));
    }

    /** A whole-number setting; NullPointerException when there is no such setting. */
    public int integer(String name) {
        return (Integer) settings.get(name);
    }

    /** A text setting, or null. */
    public String text(String name) {
        return (String) settings.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = settings.get(name);
        return v == null ? List.of() : (List<String>) v;
    }
}
