package org.parley.xmpp.spi.setting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One constant of an enum, by name (any case on input, upper case on output). */
final class EnumType<E extends Enum<E>> implements SettingType<E> {
    private final Class<E> type;

    EnumType(Class<E> type) {
        this.type = type;
    }

    @Override
    public E fromPlain(Object plain) {
        if (plain instanceof String s) {
            return parse(s);
        }
        throw new IllegalArgumentException(oneOf());
    }

    @Override
    public Object toPlain(E value) {
        return value == null ? null : value.name();
    }

    @Override
    public E parse(String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(oneOf());
        }
    }

    @Override
    public String format(E value) {
        return value == null ? null : value.name();
    }

    @Override
    public String problem(E value) {
        return value == null ? oneOf() : null;
    }

    @Override
    public Widget widget() {
        return Widget.SELECT;
    }

    @Override
    public List<String> choices() {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    @Override
    public Map<String, Object> schema() {
        return SettingTypes.schema("type", "string", "enum", choices());
    }

    @Override
    public String describe() {
        return "one of " + String.join(", ", choices());
    }

    private String oneOf() {
        return "is one of " + String.join(", ", choices());
    }
}
