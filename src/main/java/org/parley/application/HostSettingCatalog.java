package org.parley.application;

import org.parley.feature.announce.AnnounceSettings;
import org.parley.feature.disco.ContactSettings;
import org.parley.feature.offline.OfflineSettings;
import org.parley.feature.presence.SubscriptionSettings;
import org.parley.feature.register.RegistrationSettings;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every host setting the server has, in the order the REST JSON, the console form, the OpenAPI schema and
 * the docs table show them. A new setting is declared next to its feature and added here, nowhere else.
 * (MUC and federation settings come back with the services that make them act.)
 */
public final class HostSettingCatalog {
    private static final Logger LOG = Logger.getLogger(HostSettingCatalog.class.getName());

    public static final List<HostSetting<?>> ALL;

    static {
        List<HostSetting<?>> all = new ArrayList<>(List.of(StreamSettings.TLS_MODE,
                RegistrationSettings.REGISTRATION_ENABLED, SubscriptionSettings.AUTO_APPROVE,
                OfflineSettings.MAX_OFFLINE_MESSAGES, StreamSettings.MAX_STANZA_BYTES, AnnounceSettings.MOTD));
        all.addAll(ContactSettings.ALL);
        ALL = List.copyOf(all);
    }

    private static final Map<String, HostSetting<?>> BY_NAME = new HashMap<>();

    static {
        for (HostSetting<?> s : ALL) {
            if (BY_NAME.put(s.name(), s) != null) {
                throw new IllegalStateException("two host settings named " + s.name());
            }
        }
    }

    private HostSettingCatalog() {
    }

    public static Optional<HostSetting<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** A setting whose value breaks its rules, with why. */
    public record Problem(HostSetting<?> setting, String message) {
        public String text() {
            return setting.name() + " " + message;
        }
    }

    /** The first value that breaks its setting's rules, or null. */
    public static Problem firstProblem(HostSettings settings) {
        for (HostSetting<?> s : ALL) {
            String problem = problem(settings, s);
            if (problem != null) {
                return new Problem(s, problem);
            }
        }
        return null;
    }

    private static <T> String problem(HostSettings settings, HostSetting<T> s) {
        return s.type().problem(settings.get(s));
    }

    /** The settings whose values differ between the two. */
    public static List<HostSetting<?>> changed(HostSettings before, HostSettings after) {
        return ALL.stream().filter(s -> !java.util.Objects.equals(before.get(s), after.get(s))).toList();
    }

    /** A setting name the catalog does not know, or a value of the wrong type or out of range. */
    public static final class BadSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String name;

        BadSetting(String name, String message) {
            super(name + " " + message);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** The settings as plain (JSON) values by name, in catalog order; a setting without a value is null. */
    public static Map<String, Object> toPlain(HostSettings settings) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        for (HostSetting<?> s : ALL) {
            plain.put(s.name(), plainOf(settings, s));
        }
        return plain;
    }

    private static <T> Object plainOf(HostSettings settings, HostSetting<T> s) {
        return s.type().toPlain(settings.get(s));
    }

    /** {@code current} with the given plain values (by setting name); the others keep theirs. */
    public static HostSettings merge(HostSettings current, Map<String, ?> plain) {
        HostSettings next = current;
        for (Map.Entry<String, ?> e : plain.entrySet()) {
            HostSetting<?> s = BY_NAME.get(e.getKey());
            if (s == null) {
                throw new BadSetting(e.getKey(), "is not a setting");
            }
            try {
                next = next.withPlain(s, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new BadSetting(s.name(), ex.getMessage());
            }
        }
        return next;
    }

    /** Stored text (setting name → text) as settings; unknown names are ignored, unreadable values logged. */
    public static HostSettings load(String domain, Map<String, String> stored) {
        HostSettings settings = HostSettings.defaults(domain);
        for (HostSetting<?> s : ALL) {
            String text = stored.get(s.name());
            if (text != null) {
                settings = loadOne(settings, s, text);
            }
        }
        return settings;
    }

    private static <T> HostSettings loadOne(HostSettings settings, HostSetting<T> s, String text) {
        try {
            return settings.with(s, s.type().parse(text));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "host " + settings.domain() + ": stored " + s.name() + " unreadable, default used: "
                    + e.getMessage());
            return settings;
        }
    }

    /**
     * Writes every catalogued setting into {@code stored} (names of settings the catalog does not list stay as
     * they are); a setting without a value (null, empty list) has no entry.
     */
    public static void store(HostSettings settings, Map<String, String> stored) {
        for (HostSetting<?> s : ALL) {
            String text = format(settings, s);
            if (text == null) {
                stored.remove(s.name());
            } else if (!text.equals(stored.get(s.name()))) {
                stored.put(s.name(), text);
            }
        }
    }

    private static <T> String format(HostSettings settings, HostSetting<T> s) {
        return s.type().format(settings.get(s));
    }
}
