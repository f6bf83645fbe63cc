package org.parley.feature.adhoc;

/** A XEP-0050 &lt;note/&gt; of a command result. */
public record Note(Type type, String text) {
    public enum Type { INFO, WARN, ERROR }

    public static Note info(String text) {
        return new Note(Type.INFO, text);
    }

    public static Note warn(String text) {
        return new Note(Type.WARN, text);
    }

    public static Note error(String text) {
        return new Note(Type.ERROR, text);
    }
}
