package org.parley.application.command;

import java.util.Locale;

/** The type of a command argument, and how a channel's value (JSON, form field, command line) is read. */
public enum ArgType {
    STRING, PASSWORD, INTEGER, BOOLEAN,
    /** Text that the command reads itself (a host setting's value): a string, or a number or boolean as text. */
    TEXT;

    /** The typed value of {@code raw} (String, Number or Boolean); INVALID naming {@code name} otherwise. */
    Object parse(String name, Object raw) {
        return switch (this) {
            case STRING, PASSWORD -> {
                if (raw instanceof String s) {
                    yield s;
                }
                throw CommandRefused.invalid(name + " must be a string", name);
            }
            case INTEGER -> integer(name, raw);
            case TEXT -> {
                if (raw instanceof String || raw instanceof Boolean) {
                    yield raw.toString();
                }
                if (raw instanceof Number) {
                    yield String.valueOf(integer(name, raw));
                }
                throw CommandRefused.invalid(name + " must be a string, a number or a boolean", name);
            }
            case BOOLEAN -> bool(name, raw);
        };
    }

    private static Long integer(String name, Object raw) {
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw CommandRefused.invalid(name + " must be an integer", name);
    }

    private static Boolean bool(String name, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> {
                    return true;
                }
                case "false", "0", "no" -> {
                    return false;
                }
                default -> {
                    // refused below
                }
            }
        }
        throw CommandRefused.invalid(name + " must be true or false", name);
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
