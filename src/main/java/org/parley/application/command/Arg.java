package org.parley.application.command;

/** A declared argument of a command: its name, type, meaning, and whether it may be left out. */
public record Arg(String name, ArgType type, String description, boolean optional) {

    public static Arg required(String name, ArgType type, String description) {
        return new Arg(name, type, description, false);
    }

    public static Arg optional(String name, ArgType type, String description) {
        return new Arg(name, type, description, true);
    }
}
