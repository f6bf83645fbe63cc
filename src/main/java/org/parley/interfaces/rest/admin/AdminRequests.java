package org.parley.interfaces.rest.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.application.AccountService;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.feature.admin.AccountErrors;
import org.parley.api.ParleyException;
import org.parley.application.command.Policy;
import org.parley.application.command.Target;
import org.xmpp.packet.JID;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

/** Request reading and checks shared by the admin resources; refusals are thrown as ready responses. */
final class AdminRequests {
    private AdminRequests() {
    }

    /** The administrator the Basic auth filter authenticated. */
    static JID admin(SecurityContext security) {
        return new JID(security.getUserPrincipal().getName());
    }

    /** The domain a request names (default: the admin's own), which the admin must manage. */
    static String domain(SecurityContext security, String requested) {
        String d;
        try {
            d = requested == null || requested.isBlank() ? admin(security).getDomain()
                    : new JID(null, requested.trim(), null).getDomain();
        } catch (IllegalArgumentException e) {
            throw refuse(Response.Status.BAD_REQUEST, "not a valid domain", "domain");
        }
        allowed(security, Target.domain(d), "domain");
        return d;
    }

    /** The bare JID of an account the admin manages. */
    static JID account(SecurityContext security, String jid) {
        JID bare = bare(jid);
        allowed(security, Target.account(bare), "jid");
        return bare;
    }

    /** The admin commands' domain rule, for endpoints that are no command (hosts, tokens, prebind, rosters). */
    private static void allowed(SecurityContext security, Target target, String field) {
        try {
            Policy.DOMAIN_ADMIN.check(RestCommands.caller(security), target, field);
        } catch (ParleyException e) {
            throw new WebApplicationException(ApiError.of(e, field));
        }
    }

    /** A bare JID given as field jid (400 naming it when missing or invalid). */
    static JID bare(String jid) {
        if (jid == null || jid.isBlank()) {
            throw refuse(Response.Status.BAD_REQUEST, "jid is required", "jid");
        }
        try {
            return AccountService.bare(jid);
        } catch (AccountException e) {
            throw new WebApplicationException(ApiError.of(e, "jid"));
        }
    }

    /** The enabled account {@code jid}: 404 if there is none, {@code disabled} if it is disabled. */
    static Account enabledAccount(AccountService accounts, JID jid, Response.Status disabled) {
        Account account = accounts.find(jid).orElseThrow(() ->
                refuse(Response.Status.NOT_FOUND, "no such account: " + jid, "jid"));
        if (!account.isEnabled()) {
            throw refuse(disabled, "the account is disabled", "jid");
        }
        return account;
    }

    static JsonObject body(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text == null ? "" : text))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw refuse(Response.Status.BAD_REQUEST, "the body must be a JSON object", null);
        }
    }

    /** A string member, or null if absent or not a string. */
    static String string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }

    /** An optional string member: null when absent or JSON null; 400 naming the member for other types. */
    static String optional(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw refuse(Response.Status.BAD_REQUEST, key + " must be a string", key);
    }

    /** The response for a failed service call: the account service's refusal, or the failure rethrown. */
    static WebApplicationException refused(RuntimeException e, String field) {
        AccountException a = AccountErrors.cause(e).orElseThrow(() -> e);
        return new WebApplicationException(ApiError.of(a, field));
    }

    static WebApplicationException refuse(Response.Status status, String error, String field) {
        return new WebApplicationException(ApiError.of(status, error, field));
    }

    static Response json(JsonStructure value) {
        return Response.ok(value.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** One item per line, for shell scripts. */
    static Response text(List<String> lines) {
        String body = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }
}
