package dev.entitystore.domain.criticality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kibana's Asset Criticality API over the entity records: a criticality is the entity's
 * {@code asset.criticality}, written with the entity routes' identity, merge and durability (a write is
 * readable through every route when it returns). Writes need the space's store installed, as every
 * entity write does; a first criticality creates the entity.
 */
public final class AssetCriticality {
    static final String DUPLICATED = "Duplicated entity";
    private static final Map<String, String> SORT_PATHS = Map.of(
            "@timestamp", SearchSort.TIMESTAMP, "criticality_level", CriticalityKuery.LEVEL,
            "id_value", "entity.id", "id_field", "entity.EngineMetadata.Type");

    private final EntityStore store;
    private final EntitySearch search;
    private final EngineManager engines;
    private final AssignmentPlanner planner;

    public AssetCriticality(EntityStore store, EntitySearch search, EngineManager engines, Clock clock) {
        this.store = store;
        this.search = search;
        this.engines = engines;
        this.planner = new AssignmentPlanner(clock);
    }

    /** Sets the level (one of the four) and answers the record as stored. */
    public CriticalityRecord upsert(String space, IdField field, String value, String level) {
        if (!CriticalityLevels.isLevel(level)) {
            throw new InvalidRequestException("[request body]: criticality_level: Invalid enum value: " + level);
        }
        engines.requireInstalled(space);
        AssignmentPlanner.Planned planned = planner.plan(new CriticalityAssignment(field, value, level), before -> { });
        MergeOutcome outcome = store.merge(space, planned.docId(), planned.merge());
        StoredEntity stored = outcome.entity().orElseThrow(
                () -> new IllegalStateException("an upsert always writes, got " + outcome.status()));
        return CriticalityRecord.of(field, value, stored.source()).orElseThrow(
                () -> new IllegalStateException("the level just written is missing"));
    }

    /** Creates the entity {@code columns} identify with this level (or sets it, if the entity exists by now). */
    public void create(String space, EntityType type, ObjectNode columns, String level) {
        engines.requireInstalled(space);
        AssignmentPlanner.Planned planned = planner.planCreate(type, columns, level);
        store.merge(space, planned.docId(), planned.merge());
    }

    /** The record; Kibana's bare 404 when the entity is missing or has no criticality. */
    public CriticalityRecord get(String space, IdField field, String value) {
        return store.get(space, EntityIds.documentId(planner.euid(field, value)))
                .flatMap(stored -> CriticalityRecord.of(field, value, stored.source()))
                .orElseThrow(() -> new EntityNotFoundException("Not Found"));
    }

    /** Removes the level; the record as it was, or empty when there was none. The entity stays. */
    public Optional<CriticalityRecord> delete(String space, IdField field, String value) {
        engines.requireInstalled(space);
        AtomicReference<Optional<ObjectNode>> before = new AtomicReference<>(Optional.empty());
        AssignmentPlanner.Planned planned = planner.plan(
                new CriticalityAssignment(field, value, CriticalityLevels.UNASSIGNED), before::set);
        MergeOutcome outcome = store.merge(space, planned.docId(), planned.merge());
        if (outcome.status() != MergeOutcome.Status.UPDATED) {
            return Optional.empty();
        }
        return before.get().flatMap(source -> CriticalityRecord.of(field, value, source));
    }

    /**
     * Applies the assignments in order as one store bulk. A later assignment of an entity the request
     * already named fails with {@code Duplicated entity}; one whose entity cannot be identified fails with
     * the entity routes' text; the others apply.
     */
    public BulkAssignmentResult bulk(String space, List<CriticalityAssignment> assignments) {
        engines.requireInstalled(space);
        List<BulkAssignmentResult.ItemError> errors = new ArrayList<>();
        List<BulkOperation> operations = new ArrayList<>(assignments.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < assignments.size(); i++) {
            CriticalityAssignment assignment = assignments.get(i);
            if (!seen.add(assignment.key())) {
                errors.add(new BulkAssignmentResult.ItemError(DUPLICATED, i));
                continue;
            }
            try {
                AssignmentPlanner.Planned one = planner.plan(assignment, before -> { });
                operations.add(BulkOperation.merge(one.docId(), one.merge()));
            } catch (InvalidRequestException e) {
                errors.add(new BulkAssignmentResult.ItemError(e.getMessage(), i));
            }
        }
        if (!operations.isEmpty()) {
            store.bulk(space, operations);
        }
        return new BulkAssignmentResult(errors, assignments.size() - errors.size(), errors.size(), assignments.size());
    }

    /**
     * A page of the entities that have a criticality, as records; {@code kuery} is KQL on the record's
     * fields. Before the store is installed the list is empty.
     */
    public CriticalityPage list(String space, int page, int perPage, String sortField, boolean descending, String kuery) {
        SearchSort sort = new SearchSort(SORT_PATHS.getOrDefault(sortField, SearchSort.TIMESTAMP), descending);
        Query query = CriticalityKuery.parse(kuery);
        long from = (long) (page - 1) * perPage;
        SearchResult result = engines.isInstalled(space) && from <= Integer.MAX_VALUE
                ? search.search(new SearchRequest(space, query, sort, null, (int) from, perPage, true))
                : SearchResult.empty();
        List<CriticalityRecord> records = new ArrayList<>(result.hits().size());
        for (SearchHit hit : result.hits()) {
            CriticalityRecord.of(hit.source()).ifPresent(records::add);
        }
        return new CriticalityPage(records, Math.max(result.total(), 0), page, perPage);
    }
}
