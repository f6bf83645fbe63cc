package org.parley.xmpp.spi.setting;

import java.util.List;
import java.util.Map;

/**
 * The type of a host setting: how its value looks in JSON ("plain": Boolean, Integer, String, List of String or
 * null), as text (the database column and the console's inputs), which values are allowed, and how the
 * generated console field, OpenAPI schema and docs table describe it.
 */
public interface SettingType<T> {
    /** Console widgets the hosts page knows how to render. */
    enum Widget { CHECKBOX, NUMBER, SELECT, TEXT, TEXTAREA }

    /** The plain (JSON) value as T; IllegalArgumentException with a message when it has the wrong type. */
    T fromPlain(Object plain);

    /** The JSON form of a value. */
    Object toPlain(T value);

    /** Text as T (database, console input); IllegalArgumentException with a message when it does not parse. */
    T parse(String text);

    /** The text of a value; null for "no value", which is not stored. */
    String format(T value);

    /** Why the value is not allowed, or null when it is. */
    String problem(T value);

    Widget widget();

    /** The allowed values of a SELECT widget. */
    default List<String> choices() {
        return List.of();
    }

    /** The OpenAPI (JSON Schema) description of the JSON value. */
    Map<String, Object> schema();

    /** How the docs table names the type and its range. */
    String describe();
}
