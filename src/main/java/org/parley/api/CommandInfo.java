package org.parley.api;

import java.io.Serializable;
import java.util.List;

/**
 * An admin command as the server declares it: arguments in order, result type (ok, string, integer, boolean,
 * strings, object, objects) and who may run it.
 */
public record CommandInfo(String name, String description, List<Argument> args, String result, String policy,
                          String policyDescription) implements Serializable {

    /** One argument: type string, password, integer or boolean. */
    public record Argument(String name, String type, String description, boolean optional) implements Serializable {
    }

    public CommandInfo {
        args = List.copyOf(args);
    }
}
