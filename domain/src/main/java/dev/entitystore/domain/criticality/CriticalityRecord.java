package dev.entitystore.domain.criticality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.identity.EuidDeriver;
import java.util.Optional;

/**
 * Kibana's asset criticality record, read from an entity record: the addressing ({@code id_field},
 * {@code id_value}), the level, and the entity's {@code @timestamp} (its last write).
 */
public record CriticalityRecord(IdField idField, String idValue, String level, String timestamp) {
    private static final EuidDeriver DERIVER = new EuidDeriver();

    /** The record of {@code entity} as {@code field: value} addresses it; empty without a criticality. */
    static Optional<CriticalityRecord> of(IdField field, String value, JsonNode entity) {
        String level = levelOf(entity);
        if (level == null) {
            return Optional.empty();
        }
        return Optional.of(new CriticalityRecord(field, value, level, entity.path("@timestamp").asText("")));
    }

    /**
     * The record of a listed entity: addressed by {@code <type>.name} when that name alone gives the entity's
     * EUID (as a write through the API by that field left it), else by {@code entity.id}.
     */
    static Optional<CriticalityRecord> of(JsonNode entity) {
        String euid = entity.path("entity").path("id").asText("");
        EntityType type = EntityType.fromWireName(entity.path("entity").path("EngineMetadata").path("Type").asText(""))
                .orElse(null);
        for (IdField field : IdField.values()) {
            if (field == IdField.ENTITY_ID || field.typeOf("") != type) {
                continue;
            }
            JsonNode name = FieldPath.get(entity, field.wireName());
            if (name != null && name.isTextual()
                    && DERIVER.derive(type, field.identity(name.textValue())).filter(euid::equals).isPresent()) {
                return of(field, name.textValue(), entity);
            }
        }
        return of(IdField.ENTITY_ID, euid, entity);
    }

    private static String levelOf(JsonNode entity) {
        JsonNode level = entity.path("asset").path("criticality");
        return level.isTextual() && CriticalityLevels.isLevel(level.textValue()) ? level.textValue() : null;
    }

    /** Kibana's shape: {@code id_field, id_value, criticality_level, @timestamp, asset, <host|user|service|entity>}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id_field", idField.wireName());
        json.put("id_value", idValue);
        json.put("criticality_level", level);
        json.put("@timestamp", timestamp);
        json.putObject("asset").put("criticality", level);
        ObjectNode identity = json.putObject(idField.objectKey());
        identity.put(idField.valueKey(), idValue);
        identity.putObject("asset").put("criticality", level);
        return json;
    }
}
