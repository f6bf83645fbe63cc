package org.parley.application.command;

import java.util.List;

/**
 * One admin operation, defined once: its name (ejabberdctl's where one exists), arguments, result, policy and
 * what it acts on. Every channel runs it through {@link CommandRegistry#run}.
 *
 * @param target what the call acts on, from its arguments (for the policy)
 * @param targetField the argument a refusal names (REST "field", a form field)
 * @param guard checked after the policy, before the operation
 * @param body the operation; runs only after the policy and the guard allowed the call
 */
public record AdminCommand(String name, String description, List<Arg> args, ResultType result, Policy policy,
                           TargetRule target, String targetField, Guard guard, Body body) {

    /** Where a call acts, from its arguments. */
    @FunctionalInterface
    public interface TargetRule {
        Target of(Args args);
    }

    /** The operation; the result fits {@link #result()} (OK: a confirmation text). */
    @FunctionalInterface
    public interface Body {
        Object run(Args args, Caller caller);
    }

    /** A check beyond the policy that depends on the arguments (e.g. not demoting oneself); throws to refuse. */
    @FunctionalInterface
    public interface Guard {
        void check(Args args, Caller caller);
    }

    public AdminCommand {
        args = List.copyOf(args);
    }

    /** A command whose policy is all there is to check. */
    public AdminCommand(String name, String description, List<Arg> args, ResultType result, Policy policy,
                        TargetRule target, String targetField, Body body) {
        this(name, description, args, result, policy, target, targetField, (a, c) -> { }, body);
    }

    /** A command acting on the account of the arguments {@code user} and {@code host}. */
    public static TargetRule account(String user, String host) {
        return a -> Target.account(a.account(user, host));
    }

    /** A command acting on the domain of the argument {@code host}. */
    public static TargetRule domain(String host) {
        return a -> a.has(host) ? Target.domain(a.domain(host)) : Target.SERVER;
    }

    public static TargetRule server() {
        return a -> Target.SERVER;
    }
}
