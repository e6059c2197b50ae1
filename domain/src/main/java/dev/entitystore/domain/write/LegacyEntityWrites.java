package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntitySchema;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy (v1) entity writes over the same store as v2 (product rules §3.6–§3.8), in Kibana's
 * order: the v1 request schema, then planning ({@code entity.id}, engine running, field permissions),
 * then one atomic store operation. Unlike Kibana's v1 they are synchronous: the record is written and
 * readable, by v1 and v2 alike, when the method returns. A record is addressed by its {@code entity.id}
 * alone (its EUID), whatever type it is stamped with: there is one record per EUID.
 */
public final class LegacyEntityWrites {
    private final EntityStore store;
    private final EngineManager engines;
    private final RequestBodyValidator validator = new RequestBodyValidator(EntitySchema.legacy());
    private final LegacyUpsertPlanner planner;

    public LegacyEntityWrites(EntityStore store, EngineManager engines, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.planner = new LegacyUpsertPlanner(clock);
    }

    /**
     * Creates the entity when missing, else merges with v1's collect rule. The engine's state and its {@code
     * fieldHistoryLength} are read with the record (one request on a shared store, again on every retry); a
     * body refused by its fields asks for the engine first, so a stopped engine is answered first as before.
     *
     * @return the record as stored after the write, with its version
     */
    public StoredEntity upsert(String space, EntityType type, ObjectNode body, boolean force) {
        validator.validate(type, body);
        CheckedUpsert upsert = planner.checkBody(type, body, force, () -> requireStarted(space, type));
        KeyedWrite.expect(MergeOutcome.class, MergeOutcome::entity);
        MergeOutcome outcome = engines.mergeIfStarted(space, type, upsert.docId(),
                fieldHistoryLength -> apply(upsert.limitedTo(fieldHistoryLength)));
        return outcome.entity().orElseThrow(
                () -> new IllegalStateException("an upsert always writes, got " + outcome.status()));
    }

    /**
     * Validates and plans every record first (the first invalid one fails the request, nothing written),
     * then upserts them in order as one atomic unit. Upserts create what is missing, so no item fails on
     * its own: a store failure fails them all.
     *
     * @return the items that failed, in v2's item shape: always empty here
     */
    public List<BulkItemFailure> bulkUpsert(String space, List<BulkItem> items, boolean force) {
        validator.validateBulk(items, "record");
        List<PlannedUpsert> upserts = planner.planBulk(items, force, new SpaceLegacyEngines(engines, space));
        List<BulkOperation> operations = new ArrayList<>(upserts.size());
        for (PlannedUpsert upsert : upserts) {
            operations.add(BulkOperation.merge(upsert.docId(), apply(upsert)));
        }
        KeyedWrite.expect(List.class, stored -> Optional.of(List.of()));
        try {
            store.bulk(space, operations);
        } catch (StoreUnavailableException e) {
            throw BulkFailureNames.named(e, upserts.stream().map(PlannedUpsert::docId).toList(),
                    upserts.stream().map(PlannedUpsert::euid).toList());
        }
        return List.of();
    }

    /** Deletes the entity with this {@code entity.id}; the type's engine must be running, as in Kibana. */
    public void delete(String space, EntityType type, String id) {
        requireStarted(space, type);
        if (id.isEmpty()) {
            throw EntityErrors.blankEntityId();
        }
        if (!store.delete(space, EntityIds.documentId(id))) {
            throw EntityErrors.legacyNotFound(type.wireName(), id);
        }
    }

    private void requireStarted(String space, EntityType type) {
        if (!engines.isStarted(space, type)) {
            throw EntityErrors.engineNotRunning(type.wireName());
        }
    }

    private static EntityMerge apply(PlannedUpsert upsert) {
        return current -> MergeDecision.write(upsert.applyTo(current.map(StoredEntity::source).orElse(null)));
    }
}
