package org.parley.interfaces.rest.admin;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.api.ParleyException;
import org.parley.domain.account.AccountException;

/** Error responses of the REST API: a status and {"error": "...", "field": "..."}. */
public final class ApiError {
    static final String REALM = "Parley administration";

    private ApiError() {
    }

    public static Response of(Response.Status status, String error, String field) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("error", error == null ? status.getReasonPhrase() : error);
        if (field != null) {
            body.add("field", field);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }

    static Response unauthorized(String error) {
        return Response.fromResponse(of(Response.Status.UNAUTHORIZED, error, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"").build();
    }

    /** The response for a refused command or service call: its code as an HTTP status. */
    public static Response of(ParleyException e, String field) {
        Response.Status status = switch (e.code()) {
            case CONFLICT, NOT_ALLOWED -> Response.Status.CONFLICT;
            case NOT_FOUND, HOST_UNKNOWN -> Response.Status.NOT_FOUND;
            case INVALID -> Response.Status.BAD_REQUEST;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
        };
        return of(status, e.getMessage(), e.field() != null ? e.field() : field);
    }

    /** The response for a refusal of the account service. */
    static Response of(AccountException e, String field) {
        Response.Status status = switch (e.reason()) {
            case CONFLICT -> Response.Status.CONFLICT;
            case NOT_FOUND, HOST_UNKNOWN -> Response.Status.NOT_FOUND;
            case INVALID -> Response.Status.BAD_REQUEST;
        };
        return of(status, e.getMessage(), e.field() != null ? e.field() : field);
    }
}
