package org.parley.xmpp.spi.setting;

import java.util.Objects;

/**
 * One per-domain setting, declared once next to the feature that reads it (a {@code public static final}
 * constant) and listed in the application's setting catalog, from which the REST JSON, the console form, the
 * OpenAPI schema and the docs table are generated. {@code name} is the JSON member and the stored key: never
 * rename it.
 *
 * @param label       the console label
 * @param description one line for the docs table
 * @param changer     who may change it
 * @param immediate   true when a change acts on open sessions too, false when only on new streams
 */
public record HostSetting<T>(String name, SettingType<T> type, T defaultValue, String label, String description,
                             Changer changer, boolean immediate) {

    /** Who may change a setting (both only through a channel that already lets them manage the domain). */
    public enum Changer {
        /** Any administrator of the domain. */
        DOMAIN_ADMIN,
        /** Administrators of the server's own domain (that of {@code parley.admin.jid}) only. */
        SERVER_ADMIN
    }

    public HostSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(changer, "changer");
        if (type.problem(defaultValue) != null) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " " + type.problem(defaultValue));
        }
    }

    /** A setting any domain administrator changes and that acts at once. */
    public static <T> HostSetting<T> of(String name, SettingType<T> type, T defaultValue, String label,
                                        String description) {
        return new HostSetting<>(name, type, defaultValue, label, description, Changer.DOMAIN_ADMIN, true);
    }

    public HostSetting<T> serverAdminOnly() {
        return new HostSetting<>(name, type, defaultValue, label, description, Changer.SERVER_ADMIN, immediate);
    }

    public HostSetting<T> newStreamsOnly() {
        return new HostSetting<>(name, type, defaultValue, label, description, changer, false);
    }

    /** The plain (JSON) value as this setting's type, checked against its rules. */
    public T checked(Object plain) {
        T value = type.fromPlain(plain);
        String problem = type.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
