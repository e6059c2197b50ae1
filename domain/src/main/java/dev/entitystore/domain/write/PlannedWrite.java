package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import java.util.List;
import dev.entitystore.domain.entity.EntityType;

/**
 * One write a v2 use case hands to the store: the entity's type, its EUID, the storage id
 * ({@code sha256hex(euid)}), and either the whole document to create ({@link CreatePlanner}) or the patch
 * to merge with Elasticsearch's partial-update rule ({@link UpdatePlanner}, {@link BulkUpdatePlanner}).
 */
public record PlannedWrite(EntityType type, String euid, String docId, ObjectNode patchOrDocument,
                           List<String> cleared) {

    public PlannedWrite(EntityType type, String euid, String docId, ObjectNode patchOrDocument) {
        this(type, euid, docId, patchOrDocument, List.of());
    }

    /**
     * The record an update leaves: {@code stored} with the patch merged in and the cleared fields
     * ({@link ClearableFields}) removed.
     */
    public ObjectNode mergedInto(ObjectNode stored, PartialUpdateMerger merger) {
        return ClearableFields.clear(merger.merge(stored, patchOrDocument), cleared);
    }

    /**
     * As {@link #mergedInto}, changing {@code stored} itself instead of a copy of it: for a merge function,
     * whose record is its own ({@link dev.entitystore.domain.store.EntityMerge}), on the hottest path
     * (v2 update and bulk), where the copy was a whole record's tree per item.
     */
    public ObjectNode mergedIntoOwn(ObjectNode stored, PartialUpdateMerger merger) {
        return ClearableFields.clear(merger.mergeInPlace(stored, patchOrDocument), cleared);
    }
}
