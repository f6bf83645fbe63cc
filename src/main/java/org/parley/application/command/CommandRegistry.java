package org.parley.application.command;

import org.parley.api.ParleyException;
import org.parley.api.ParleyException.Code;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin commands by name, and the one way to run them: arguments are checked against the declaration
 * (unknown, missing, wrong type), the command's policy against the caller and target, and only then the
 * operation runs. REST, XEP-0133, the console, the EJB interfaces and parleyctl all come through here.
 */
public final class CommandRegistry {
    /** The argument that names a domain; left out, it is the caller's own domain. */
    public static final String HOST = "host";

    private final Map<String, AdminCommand> commands = new LinkedHashMap<>();

    public CommandRegistry(Collection<AdminCommand> all) {
        for (AdminCommand c : all) {
            if (commands.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two commands named " + c.name());
            }
        }
    }

    public List<AdminCommand> all() {
        return List.copyOf(commands.values());
    }

    public Optional<AdminCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Runs a command for {@code caller}; raw values are Strings, Numbers or Booleans (JSON, forms, CLI). */
    public Object run(Caller caller, String name, Map<String, ?> raw) {
        AdminCommand command = command(name);
        Args args = authorize(caller, command, raw);
        try {
            return command.body().run(args, caller);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * The service's refusal inside a failure (EJB containers may wrap it; a value SASLprep rejects arrives as
     * IllegalArgumentException), so that every channel sees a {@link ParleyException}; other failures as they are.
     */
    static RuntimeException refusal(RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ParleyException p) {
                return p;
            }
            if (c instanceof IllegalArgumentException i) {
                return new CommandRefused(Code.INVALID, i.getMessage() == null ? "invalid value" : i.getMessage(),
                        null);
            }
        }
        return e;
    }

    /** Checks a call without running it (a channel that checks all targets of a batch first). */
    public Args authorize(Caller caller, String name, Map<String, ?> raw) {
        return authorize(caller, command(name), raw);
    }

    private AdminCommand command(String name) {
        return find(name).orElseThrow(() ->
                new CommandRefused(Code.NOT_FOUND, "unknown command: " + name, "command"));
    }

    private static Args authorize(Caller caller, AdminCommand command, Map<String, ?> raw) {
        Map<String, ?> given = raw == null ? Collections.emptyMap() : raw;
        Map<String, Object> typed = new HashMap<>();
        for (String key : given.keySet()) {
            if (command.args().stream().noneMatch(a -> a.name().equals(key))) {
                throw CommandRefused.invalid("unknown argument " + key + " of " + command.name(), key);
            }
        }
        for (Arg arg : command.args()) {
            Object value = given.get(arg.name());
            if (value == null && arg.name().equals(HOST) && arg.optional() && !caller.isSystem()) {
                value = caller.domain();
            }
            if (value == null) {
                if (!arg.optional()) {
                    throw CommandRefused.invalid(arg.name() + " is required", arg.name());
                }
                continue;
            }
            typed.put(arg.name(), arg.type().parse(arg.name(), value));
        }
        Args args = new Args(typed);
        command.policy().check(caller, command.target().of(args), command.targetField());
        command.guard().check(args, caller);
        return args;
    }
}
