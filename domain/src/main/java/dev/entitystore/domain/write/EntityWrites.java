package dev.entitystore.domain.write;

import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current (v2) entity writes, each in Kibana's order: schema check, installed check,
 * planning (identity, permissions, transform), then one atomic store operation (a single write's installed
 * check is made with that operation's read of the record: the same answers, one read fewer). A write is readable
 * when its method returns.
 */
public final class EntityWrites {
    private final EntityStore store;
    private final EngineManager engines;
    private final RequestBodyValidator validator = new RequestBodyValidator();
    private final CreatePlanner createPlanner;
    private final UpdatePlanner updatePlanner;
    private final BulkUpdatePlanner bulkPlanner;
    private final PartialUpdateMerger merger = new PartialUpdateMerger();

    public EntityWrites(EntityStore store, EngineManager engines, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.createPlanner = new CreatePlanner(clock);
        this.updatePlanner = new UpdatePlanner(clock);
        this.bulkPlanner = new BulkUpdatePlanner(updatePlanner);
    }

    /** Creates the entity; 409-worthy if its EUID is taken. */
    public long create(String space, EntityType type, ObjectNode body) {
        return create(space, type, body, Precondition.none());
    }

    /**
     * Creates the entity; 409-worthy if its EUID is taken, 412-worthy instead when {@code ifNoneMatch}
     * (HTTP's {@code If-None-Match}) does not hold for the stored one.
     *
     * @return the version written (1, or on OpenSearch the one after a recently deleted record's)
     */
    public long create(String space, EntityType type, ObjectNode body, Precondition ifNoneMatch) {
        validator.validate(type, body);
        PlannedWrite write = planned(space, () -> createPlanner.plan(type, body));
        KeyedWrite.expect(MergeOutcome.class, stored -> stored.status() == MergeOutcome.Status.NOOP
                ? Optional.empty() : Optional.of(stored.version()));
        MergeOutcome outcome = engines.mergeIfInstalled(space, write.docId(), current -> current.isPresent()
                ? MergeDecision.noop()
                : MergeDecision.write(write.patchOrDocument()));
        long version = outcome.version();
        if (outcome.status() == MergeOutcome.Status.NOOP) {
            throw ifNoneMatch.isNone() || ifNoneMatch.holdsFor(version)
                    ? EntityErrors.alreadyExists(write.euid())
                    : EntityErrors.existsAlready(write.euid(), version);
        }
        return version;
    }

    /** Merges the patch into the stored entity (Elasticsearch's partial update); the entity must exist. */
    public long update(String space, EntityType type, ObjectNode body, boolean force) {
        return update(space, type, body, force, Precondition.none(), SeqNoCondition.none());
    }

    /**
     * As {@link #update(String, EntityType, ObjectNode, boolean)}, written only if {@code ifMatch} (HTTP's
     * {@code If-Match}) and {@code ifSeqNo} (Elasticsearch's {@code if_seq_no}/{@code if_primary_term}) hold
     * for the stored version, decided atomically with the write.
     *
     * @return the version written
     */
    public long update(String space, EntityType type, ObjectNode body, boolean force, Precondition ifMatch,
                       SeqNoCondition ifSeqNo) {
        validator.validate(type, body);
        PlannedWrite write = planned(space, () -> updatePlanner.plan(type, body, force));
        EntityMerge merge = partialUpdate(write);
        KeyedWrite.expect(MergeOutcome.class, stored -> stored.status() == MergeOutcome.Status.NOT_FOUND
                ? Optional.empty() : Optional.of(stored.version()));
        MergeOutcome outcome = engines.mergeIfInstalled(space, write.docId(), current -> {
            if (current.isPresent() && !ifMatch.holdsFor(current.get().version())) {
                throw EntityErrors.versionMismatch(write.euid(), ifMatch.header(), current.get().version());
            }
            current.ifPresent(ifSeqNo::check);
            return merge.apply(current);
        });
        if (outcome.status() == MergeOutcome.Status.NOT_FOUND) {
            throw EntityErrors.notFound(write.euid());
        }
        return outcome.version();
    }

    /**
     * Validates and plans every item first (the first invalid one fails the request, nothing written),
     * then applies them in order as one atomic unit.
     *
     * @return the items that failed, as Elasticsearch's bulk reports them; empty when all were applied
     */
    public List<BulkItemFailure> bulkUpdate(String space, List<BulkItem> items, boolean force) {
        validator.validateBulk(items, "doc");
        engines.requireInstalled(space);
        List<PlannedWrite> writes = bulkPlanner.plan(items, force);
        List<BulkOperation> operations = new ArrayList<>(writes.size());
        for (PlannedWrite write : writes) {
            operations.add(BulkOperation.merge(write.docId(), partialUpdate(write)));
        }
        List<ItemOutcome> outcomes;
        KeyedWrite.expect(List.class, stored -> Optional.of(failures(itemOutcomes(stored), writes)));
        try {
            outcomes = store.bulk(space, operations);
        } catch (StoreUnavailableException e) {
            throw BulkFailureNames.named(e, writes.stream().map(PlannedWrite::docId).toList(),
                    writes.stream().map(PlannedWrite::euid).toList());
        }
        return failures(outcomes, writes);
    }

    private static List<BulkItemFailure> failures(List<ItemOutcome> outcomes, List<PlannedWrite> writes) {
        List<BulkItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ItemOutcome outcome = outcomes.get(i);
            if (outcome.status() == ItemOutcome.Status.NOT_FOUND) {
                failures.add(BulkItemFailure.documentMissing(outcome.id(), i, writes.get(i).euid()));
            }
        }
        return failures;
    }

    @SuppressWarnings("unchecked")
    private static List<ItemOutcome> itemOutcomes(List<?> stored) {
        return (List<ItemOutcome>) stored;
    }

    /** Deletes the entity with this EUID; no installed check, as in Kibana (a missing store is a 404). */
    public void delete(String space, String euid) {
        delete(space, euid, Precondition.none());
    }

    /** As {@link #delete(String, String)}, only if {@code ifMatch} holds for the stored version (else 412, nothing deleted). */
    public void delete(String space, String euid, Precondition ifMatch) {
        boolean deleted = store.delete(space, EntityIds.documentId(euid), current -> {
            if (!ifMatch.holdsFor(current.version())) {
                throw EntityErrors.versionMismatch(euid, ifMatch.header(), current.version());
            }
        });
        if (!deleted) {
            throw EntityErrors.notFound(euid);
        }
    }

    /**
     * The write's plan. A single write's installed check is made with the read of its record (after
     * planning); when planning refuses the request, the check is made first, so that a request to a space
     * not installed is answered as such whatever its body (Kibana's order).
     */
    private PlannedWrite planned(String space, Supplier<PlannedWrite> plan) {
        try {
            return plan.get();
        } catch (RuntimeException refused) {
            engines.requireInstalled(space);
            throw refused;
        }
    }

    private EntityMerge partialUpdate(PlannedWrite write) {
        return current -> current
                .map(stored -> MergeDecision.write(write.mergedIntoOwn(stored.source(), merger)))
                .orElseGet(MergeDecision::notFound);
    }
}
