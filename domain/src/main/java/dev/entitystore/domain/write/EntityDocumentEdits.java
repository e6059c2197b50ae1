package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.entity.FieldPath;

/** The edits the write transforms make to a request document (product rules §3.2, §3.3). */
final class EntityDocumentEdits {
    static final String TIMESTAMP = "@timestamp";

    private EntityDocumentEdits() {
    }

    /** {@code entity.id := id}, creating {@code entity} when absent. */
    static void setEntityId(ObjectNode doc, String id) {
        FieldPath.childObject(doc, "entity").put("id", id);
    }

    /** Create only: {@code entity.name := euid} when the body names none (absent, null or empty). */
    static void defaultName(ObjectNode doc, String euid) {
        ObjectNode entity = FieldPath.childObject(doc, "entity");
        if (isBlank(entity.get("name"))) {
            entity.put("name", euid);
        }
    }

    /**
     * Create only: {@code entity.EngineMetadata.Type := type} unless the body sets it, so that the
     * list's {@code entity_types} filter finds entities the API created (product rules §3.3).
     */
    static void stampEngineType(ObjectNode doc, EntityType type) {
        ObjectNode metadata = FieldPath.childObject(FieldPath.childObject(doc, "entity"), "EngineMetadata");
        if (isBlank(metadata.get("Type"))) {
            metadata.put("Type", type.wireName());
        }
    }

    /** The server's time, always: a client's {@code @timestamp} is overwritten even with force. */
    static void setTimestamp(ObjectNode doc, String timestamp) {
        doc.put(TIMESTAMP, timestamp);
    }

    private static boolean isBlank(JsonNode node) {
        return node == null || node.isNull() || (node.isTextual() && node.textValue().isEmpty());
    }
}
