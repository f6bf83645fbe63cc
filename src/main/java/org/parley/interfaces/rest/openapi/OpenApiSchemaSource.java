package org.parley.interfaces.rest.openapi;

import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * Schemas that are not Java types the scanner sees, e.g. ones generated from descriptors. Each source is listed
 * in {@link ParleyOpenApiModel#SOURCES}; its schemas land in components.schemas under their names, where
 * operations refer to them with {@code @Schema(ref = "Name")}.
 */
public interface OpenApiSchemaSource {
    /** Build models with {@link org.eclipse.microprofile.openapi.OASFactory}. */
    Map<String, Schema> schemas();
}
