package org.parley.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.parley.application.ApiKeyService;
import org.parley.domain.apikey.ApiKeyInfo;

import java.time.LocalDateTime;

/**
 * API keys of the REST API: administrators (HTTP Basic) list, create and revoke them. A request made with an
 * API key cannot manage keys (403), so a leaked key cannot mint more.
 */
@Path("v1/apikeys")
@AdminAuthenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    @EJB
    ApiKeyService keys;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** [{"id", "prefix", "name", "scope", "creator", "created", "lastUsed", "revoked", "revokedAt"}] */
    @GET
    public Response list() {
        requirePassword();
        JsonArrayBuilder list = Json.createArrayBuilder();
        keys.list().forEach(k -> list.add(write(k)));
        return AdminRequests.json(list.build());
    }

    /** Body {"name", "scope": "read-only"|"admin"}; 201 with the key's fields and "key", shown only here. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String text) {
        requirePassword();
        JsonObject request = AdminRequests.body(text);
        String name = AdminRequests.string(request, "name");
        String scope = AdminRequests.string(request, "scope");
        String bad = ApiKeyService.invalidField(name, scope);
        if (bad != null) {
            throw AdminRequests.refuse(Response.Status.BAD_REQUEST, ApiKeyService.problem(bad), bad);
        }
        ApiKeyService.Created created;
        try {
            created = keys.create(name, scope, AdminRequests.admin(security).toBareJID());
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "name");
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder().path(created.info().id()).build())
                .cacheControl(noStore).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(write(created.info()).add("key", created.key()).build().toString()).build();
    }

    /** Revokes the key; 204, also when it was revoked before; 404 for an unknown id. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        requirePassword();
        try {
            keys.revoke(id);
        } catch (RuntimeException e) {
            throw AdminRequests.refused(e, "id");
        }
        return Response.noContent().build();
    }

    private void requirePassword() {
        if (ApiKeyAuth.usesKey(security)) {
            throw AdminRequests.refuse(Response.Status.FORBIDDEN,
                    "API keys cannot manage API keys: authenticate as an administrator", null);
        }
    }

    private static JsonObjectBuilder write(ApiKeyInfo k) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", k.id()).add("prefix", k.prefix())
                .add("name", k.name()).add("scope", k.scope().label()).add("creator", k.creator())
                .add("created", utc(k.created())).add("revoked", k.revoked());
        b = k.lastUsed() == null ? b.addNull("lastUsed") : b.add("lastUsed", utc(k.lastUsed()));
        return k.revokedAt() == null ? b.addNull("revokedAt") : b.add("revokedAt", utc(k.revokedAt()));
    }

    private static String utc(LocalDateTime t) {
        return t + "Z";
    }
}
