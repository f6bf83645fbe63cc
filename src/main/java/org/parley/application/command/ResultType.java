package org.parley.application.command;

import java.util.Locale;

/**
 * The shape of a command's result: a confirmation text (OK), a string, an integer, a boolean, a list of
 * strings, an object (String → value) or a list of objects.
 */
public enum ResultType {
    OK, STRING, INTEGER, BOOLEAN, STRINGS, OBJECT, OBJECTS;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
