package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;

/**
 * One write a v2 use case hands to the store: the entity's type, its EUID, the storage id
 * ({@code sha256hex(euid)}), and either the whole document to create ({@link CreatePlanner}) or the patch
 * to merge with Elasticsearch's partial-update rule ({@link UpdatePlanner}, {@link BulkUpdatePlanner}).
 */
public record PlannedWrite(EntityType type, String euid, String docId, ObjectNode patchOrDocument) {
}
