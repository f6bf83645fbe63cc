package org.parley.feature.admin;

import org.parley.api.ParleyException;
import org.parley.application.command.Caller;
import org.parley.application.command.CommandRegistry;
import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.xmpp.packet.PacketError.Condition;

import java.util.HashMap;
import java.util.Map;

/**
 * How the XEP-0133 commands run the admin commands: the requester as the {@link Caller}, the domain the command
 * was sent to as the host, and a refusal as the XEP-0050 error (forbidden, not-allowed, conflict, ...).
 */
final class RegistryCalls {
    private final CommandRegistry registry;

    RegistryCalls(CommandRegistry registry) {
        this.registry = registry;
    }

    static Caller caller(CommandCall call) {
        return Caller.account(call.requester().jid(), call.requester().admin());
    }

    /** Runs {@code name} with {@code args}; a missing host is the domain the command was sent to. */
    Object run(CommandCall call, String name, Map<String, ?> args) throws CommandException {
        try {
            return registry.run(caller(call), name, withHost(call, name, args));
        } catch (ParleyException e) {
            throw failure(e);
        }
    }

    /** Checks a call without running it (batch commands check every account first). */
    void authorize(CommandCall call, String name, Map<String, ?> args) throws CommandException {
        try {
            registry.authorize(caller(call), name, withHost(call, name, args));
        } catch (ParleyException e) {
            throw failure(e);
        }
    }

    private Map<String, Object> withHost(CommandCall call, String name, Map<String, ?> args) {
        Map<String, Object> all = new HashMap<>(args);
        boolean takesHost = registry.find(name).map(c -> c.args().stream()
                .anyMatch(a -> a.name().equals(CommandRegistry.HOST))).orElse(false);
        if (takesHost) {
            all.putIfAbsent(CommandRegistry.HOST, call.domain());
        }
        return all;
    }

    static CommandException failure(ParleyException e) {
        return switch (e.code()) {
            case FORBIDDEN -> new CommandException(Condition.forbidden, e.getMessage());
            case NOT_ALLOWED -> new CommandException(Condition.not_allowed, e.getMessage());
            case CONFLICT -> new CommandException(Condition.conflict, e.getMessage());
            case NOT_FOUND, HOST_UNKNOWN -> new CommandException(Condition.item_not_found, e.getMessage());
            case INVALID -> CommandException.badPayload(e.getMessage());
        };
    }
}
