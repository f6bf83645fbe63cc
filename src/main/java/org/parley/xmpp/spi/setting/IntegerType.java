package org.parley.xmpp.spi.setting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A whole number within [min, max]. */
final class IntegerType implements SettingType<Integer> {
    private final int min;
    private final int max;

    IntegerType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Integer fromPlain(Object plain) {
        if (plain instanceof Integer i) {
            return i;
        }
        if (plain instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException("must be an integer");
    }

    @Override
    public Object toPlain(Integer value) {
        return value;
    }

    @Override
    public Integer parse(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    @Override
    public String format(Integer value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String problem(Integer value) {
        if (value == null) {
            return "must be a whole number";
        }
        if (value < min) {
            return "must be at least " + min;
        }
        return value > max ? "must be at most " + max : null;
    }

    @Override
    public Widget widget() {
        return Widget.NUMBER;
    }

    @Override
    public Map<String, Object> schema() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "integer");
        s.put("minimum", min);
        if (max != Integer.MAX_VALUE) {
            s.put("maximum", max);
        }
        return s;
    }

    @Override
    public String describe() {
        return max == Integer.MAX_VALUE ? "integer ≥ " + min : "integer " + min + "–" + max;
    }
}
