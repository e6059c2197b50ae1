package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.merge.CollectMerger;
import java.util.List;
import java.util.Objects;

/**
 * One v1 upsert, ready for the store: the entity's id ({@code entity.id} as sent, which is its EUID), the
 * storage id, the validated patch, and the document to write when nothing is stored yet. The store calls
 * {@link #applyTo} inside its atomic read-merge-write.
 */
public record PlannedUpsert(EntityType type, String euid, String docId, ObjectNode patch,
                            ObjectNode createDocument, CollectMerger merger, List<String> cleared) {

    public PlannedUpsert {
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(createDocument, "createDocument");
        Objects.requireNonNull(merger, "merger");
        cleared = List.copyOf(cleared);
    }

    /**
     * The record to store: the create document when {@code stored} is null, else the v1 merge with the
     * cleared fields ({@link ClearableFields}) removed.
     */
    public ObjectNode applyTo(ObjectNode stored) {
        return stored == null ? createDocument.deepCopy() : ClearableFields.clear(merger.merge(stored, patch), cleared);
    }
}
