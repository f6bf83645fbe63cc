package org.parley.interfaces.console;

import org.parley.application.HostSettingCatalog;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.setting.HostSetting;
import org.parley.xmpp.spi.setting.SettingType.Widget;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one domain as the hosts page's generated form holds them: a value per setting name (Boolean
 * for check boxes, the setting's text otherwise), one {@link Field} per catalogued setting.
 */
public class HostSettingsForm implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the page renders for one setting; {@code locked}: reserved to server administrators. */
    public record Field(String name, String label, String widget, List<String> choices, boolean locked,
                        boolean immediate) implements Serializable {
    }

    private final String domain;
    private final Map<String, Object> values = new HashMap<>();
    private final List<Field> fields;

    private HostSettingsForm(String domain, List<Field> fields) {
        this.domain = domain;
        this.fields = fields;
    }

    static HostSettingsForm of(HostSettings s, boolean serverAdmin) {
        HostSettingsForm f = new HostSettingsForm(s.domain(), HostSettingCatalog.ALL.stream()
                .map(d -> field(d, serverAdmin)).toList());
        for (HostSetting<?> d : HostSettingCatalog.ALL) {
            f.values.put(d.name(), shown(s, d));
        }
        return f;
    }

    private static Field field(HostSetting<?> d, boolean serverAdmin) {
        return new Field(d.name(), d.label(), d.type().widget().name().toLowerCase(java.util.Locale.ROOT),
                d.type().choices(), !serverAdmin && d.changer() == HostSetting.Changer.SERVER_ADMIN, d.immediate());
    }

    private static <T> Object shown(HostSettings s, HostSetting<T> d) {
        T value = s.get(d);
        if (d.type().widget() == Widget.CHECKBOX) {
            return value;
        }
        String text = d.type().format(value);
        return text == null ? "" : text;
    }

    /** Inputs that could not be read or break their setting's rules: setting name → why. */
    static final class BadInput extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final Map<String, String> problems;

        BadInput(Map<String, String> problems) {
            super(problems.toString());
            this.problems = problems;
        }
    }

    /** The form's values over {@code current}; locked settings keep their current values. */
    HostSettings applyTo(HostSettings current) {
        HostSettings next = current;
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (HostSetting<?> d : HostSettingCatalog.ALL) {
            boolean locked = fields.stream().anyMatch(f -> f.name().equals(d.name()) && f.locked());
            if (!locked) {
                try {
                    next = read(next, d);
                } catch (IllegalArgumentException e) {
                    problems.put(d.name(), d.label() + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return next;
    }

    private <T> HostSettings read(HostSettings next, HostSetting<T> d) {
        Object v = values.get(d.name());
        T value = v instanceof Boolean b ? d.type().fromPlain(b) : d.type().parse(v == null ? "" : v.toString());
        String problem = d.type().problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return next.with(d, value);
    }

    public String getDomain() {
        return domain;
    }

    /** Bound by the generated inputs: {@code values[field.name]}. */
    public Map<String, Object> getValues() {
        return values;
    }

    public List<Field> getFields() {
        return fields;
    }
}
