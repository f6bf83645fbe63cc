package org.parley.xmpp.spi.setting;

import java.util.Map;

/** Free text of at most maxLength characters; blank text is no text (null). */
final class TextType implements SettingType<String> {
    private final int maxLength;

    TextType(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public String fromPlain(Object plain) {
        if (plain == null || plain instanceof String) {
            return parse((String) plain);
        }
        throw new IllegalArgumentException("must be a string or null");
    }

    @Override
    public Object toPlain(String value) {
        return value;
    }

    @Override
    public String parse(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String problem(String value) {
        return value != null && value.length() > maxLength ? "must be at most " + maxLength + " characters" : null;
    }

    @Override
    public Widget widget() {
        return Widget.TEXTAREA;
    }

    @Override
    public Map<String, Object> schema() {
        return SettingTypes.schema("type", "string", "nullable", true, "maxLength", maxLength);
    }

    @Override
    public String describe() {
        return "text (≤ " + maxLength + " characters) or null";
    }
}
