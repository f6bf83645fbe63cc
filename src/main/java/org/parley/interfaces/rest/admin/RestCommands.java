package org.parley.interfaces.rest.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.api.ParleyException;
import org.parley.application.command.Caller;
import org.parley.application.command.Commands;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the REST API runs admin commands: the authenticated administrator as the {@link Caller}, JSON arguments
 * in, the result as JSON out, and a refusal as the API's error body (with the field the endpoint calls it).
 */
final class RestCommands {
    private RestCommands() {
    }

    /** The administrator the auth filter admitted (password or API key of an administrator). */
    static Caller caller(SecurityContext security) {
        return Caller.account(AdminRequests.admin(security), true);
    }

    /**
     * Runs a command; {@code field} names the endpoint's field a refusal is about (the refusal's field is the
     * command's argument, or null).
     */
    static Object run(Commands commands, SecurityContext security, String name, Map<String, ?> args,
                      Function<ParleyException, String> field) {
        try {
            return commands.run(caller(security), name, args);
        } catch (ParleyException e) {
            String f = field.apply(e);
            throw new WebApplicationException(ApiError.of(new ParleyException(e.code(), e.getMessage(), f), f));
        }
    }

    /** Checks a call without running it, for endpoints that call the service themselves after the check. */
    static void authorize(Commands commands, SecurityContext security, String name, Map<String, ?> args,
                          Function<ParleyException, String> field) {
        try {
            commands.authorize(caller(security), name, args);
        } catch (ParleyException e) {
            String f = field.apply(e);
            throw new WebApplicationException(ApiError.of(new ParleyException(e.code(), e.getMessage(), f), f));
        }
    }

    /** Runs a command under its own argument names. */
    static Object run(Commands commands, SecurityContext security, String name, Map<String, ?> args) {
        return run(commands, security, name, args, ParleyException::field);
    }

    /** Arguments from a JSON object: strings, numbers and booleans; JSON null leaves one out. */
    static Map<String, Object> args(JsonObject json) {
        Map<String, Object> args = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : json.entrySet()) {
            JsonValue v = e.getValue();
            switch (v.getValueType()) {
                case STRING -> args.put(e.getKey(), ((JsonString) v).getString());
                case NUMBER -> args.put(e.getKey(), ((JsonNumber) v).numberValue());
                case TRUE -> args.put(e.getKey(), true);
                case FALSE -> args.put(e.getKey(), false);
                case NULL -> {
                    // left out
                }
                default -> throw AdminRequests.refuse(Response.Status.BAD_REQUEST,
                        e.getKey() + " must be a string, a number or a boolean", e.getKey());
            }
        }
        return args;
    }

    /** A command result (String, Number, Boolean, List, Map) as JSON. */
    static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number n) {
            return Json.createValue(n.longValue());
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            list.forEach(item -> a.add(json(item)));
            return a.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            map.forEach((k, v) -> o.add(String.valueOf(k), json(v)));
            return o.build();
        }
        throw new IllegalArgumentException("not a command result: " + value.getClass());
    }
}
