package org.parley.xmpp.spi.setting;

import java.util.Map;

/** true or false. */
final class BooleanType implements SettingType<Boolean> {
    static final BooleanType INSTANCE = new BooleanType();

    @Override
    public Boolean fromPlain(Object plain) {
        if (plain instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    @Override
    public Object toPlain(Boolean value) {
        return value;
    }

    @Override
    public Boolean parse(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("must be true or false");
    }

    @Override
    public String format(Boolean value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String problem(Boolean value) {
        return value == null ? "must be true or false" : null;
    }

    @Override
    public Widget widget() {
        return Widget.CHECKBOX;
    }

    @Override
    public Map<String, Object> schema() {
        return Map.of("type", "boolean");
    }

    @Override
    public String describe() {
        return "boolean";
    }
}
