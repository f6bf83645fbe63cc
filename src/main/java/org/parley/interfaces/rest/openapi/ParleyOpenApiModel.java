package org.parley.interfaces.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * The part of the OpenAPI description that is not in the JAX-RS resources: title, how to authenticate, the
 * error body, and schemas from {@link #SOURCES}. SmallRye OpenAPI's Maven plugin (pom.xml, generate-openapi) reads
 * this (mp.openapi.model.reader in src/main/openapi.properties), adds every path it finds by scanning the
 * resources, and writes the result next to {@link org.parley.interfaces.rest.OpenApiResource}, which serves it.
 */
public class ParleyOpenApiModel implements OASModelReader {
    /** Where generated schemas plug in: add a source here. */
    static final List<OpenApiSchemaSource> SOURCES = List.of(ParleyOpenApiModel::errorSchema, new HostSettingsSchema());

    static final String DESCRIPTION = """
            Operator and integrator API of the Parley XMPP server. /api/v1 endpoints need HTTP Basic authentication \
            with an administrator account's bare JID and password, or an API key (Authorization: Bearer pk_..., or \
            X-API-Key) created by an administrator: read-only keys may only GET/HEAD (403 otherwise), admin keys act \
            as their creator; unknown or revoked keys get 401. An administrator manages its own domain only (403 \
            otherwise). Errors are JSON {"error": text, "field": name of the offending input, when there is one}.""";

    @Override
    public OpenAPI buildModel() {
        Components components = OASFactory.createComponents()
                .addSecurityScheme("basic", OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("An administrator's bare JID (admin.jid) and password"))
                .addSecurityScheme("bearerKey", OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key (pk_<id>_<secret>)"))
                .addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key"));
        for (OpenApiSchemaSource source : SOURCES) {
            source.schemas().forEach(components::addSchema);
        }
        return OASFactory.createOpenAPI()
                .info(OASFactory.createInfo().title("Parley REST API").version("1").description(DESCRIPTION))
                .components(components)
                .security(List.of(requirement("basic"), requirement("bearerKey"), requirement("apiKey")));
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    private static Map<String, Schema> errorSchema() {
        return Map.of("Error", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("400 invalid input, 401 no or wrong credentials, 403 not an administrator of the domain, "
                        + "404 not found, 409 conflict, 429 too many failed logins")
                .required(List.of("error"))
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the offending input, when there is one")));
    }
}
