package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The alias → target link on a record, {@code entity.relationships.resolution.resolved_to} (Kibana's field),
 * and the record's entity type, {@code entity.EngineMetadata.Type}, which a group must share.
 */
public final class ResolutionField {
    public static final String RESOLVED_TO = "entity.relationships.resolution.resolved_to";

    private ResolutionField() {
    }

    /** The target this record is an alias of; empty for a target or a standalone entity ({@code null} counts as none). */
    public static Optional<String> resolvedTo(ObjectNode source) {
        JsonNode value = resolution(source).path("resolved_to");
        if (value.isMissingNode()) {
            // A record written with flat-dotted keys keeps them (product rules §3.13).
            value = source.path(RESOLVED_TO);
        }
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The record's entity type, or empty when it was never stamped. */
    public static Optional<String> entityType(ObjectNode source) {
        JsonNode type = source.path("entity").path("EngineMetadata").path("Type");
        if (type.isMissingNode()) {
            type = source.path("entity.EngineMetadata.Type");
        }
        return type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
    }

    /** The record's EUID, {@code entity.id} (empty when it has none). */
    public static String euidOf(ObjectNode source) {
        String nested = source.path("entity").path("id").asText("");
        return nested.isEmpty() ? source.path("entity.id").asText("") : nested;
    }

    /** Makes the record an alias of {@code target}. */
    static ObjectNode link(ObjectNode source, String target) {
        source.remove(RESOLVED_TO);
        ObjectNode entity = child(source, "entity");
        ObjectNode relationships = child(entity, "relationships");
        child(relationships, "resolution").put("resolved_to", target);
        return source;
    }

    /** Removes the link, and the objects it leaves empty. */
    static ObjectNode unlink(ObjectNode source) {
        source.remove(RESOLVED_TO);
        JsonNode entity = source.path("entity");
        JsonNode relationships = entity.path("relationships");
        JsonNode resolution = relationships.path("resolution");
        if (resolution instanceof ObjectNode resolutionObject) {
            resolutionObject.remove("resolved_to");
            if (resolutionObject.isEmpty()) {
                ((ObjectNode) relationships).remove("resolution");
                if (relationships.isEmpty()) {
                    ((ObjectNode) entity).remove("relationships");
                }
            }
        }
        return source;
    }

    private static JsonNode resolution(ObjectNode source) {
        return source.path("entity").path("relationships").path("resolution");
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }
}
