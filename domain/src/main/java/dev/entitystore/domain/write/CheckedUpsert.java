package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityDefinitions;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.merge.CollectMerger;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One v1 upsert whose body is checked and stamped, before its engine's {@code fieldHistoryLength} (the limit
 * of v1's collect merge) is known: a single upsert learns it with the read of its record, and is then
 * {@link #limitedTo} it.
 *
 * @param euid    {@code entity.id} as sent
 * @param patch   the validated body, cleared fields taken out, timestamp set
 * @param cleared the fields the body clears ({@link ClearableFields})
 */
public record CheckedUpsert(EntityType type, String euid, ObjectNode patch, List<String> cleared) {
    public CheckedUpsert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(euid, "euid");
        Objects.requireNonNull(patch, "patch");
        cleared = List.copyOf(cleared);
    }

    public String docId() {
        return EntityIds.documentId(euid);
    }

    /** The upsert as written under the engine's {@code fieldHistoryLength} (empty: each field's own limit). */
    public PlannedUpsert limitedTo(OptionalInt fieldHistoryLength) {
        CollectMerger merger = new CollectMerger(EntityDefinitions.legacyOf(type), fieldHistoryLength);
        ObjectNode created = merger.merge(null, patch);
        EntityDocumentEdits.defaultName(created, euid);
        EntityDocumentEdits.stampEngineType(created, type);
        return new PlannedUpsert(type, euid, docId(), patch, created, merger, cleared);
    }
}
