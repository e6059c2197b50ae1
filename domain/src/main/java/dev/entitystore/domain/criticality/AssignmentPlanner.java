package dev.entitystore.domain.criticality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.PlannedWrite;
import dev.entitystore.domain.write.UpdatePlanner;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plans a criticality write with the entity routes' planners: the update planner identifies the entity
 * (the same EUID a v2 update of that identity targets) and builds the patch with {@code force}, the
 * criticality API's own right to the restricted field; the create planner builds the record a first
 * sighting stores, marked {@code entity.created_by: asset_criticality}. Removal is v2's
 * {@code asset.criticality: null}.
 */
final class AssignmentPlanner {
    static final String CREATED_BY = "asset_criticality";

    private final UpdatePlanner updates;
    private final CreatePlanner creates;
    private final PartialUpdateMerger merger = new PartialUpdateMerger();

    AssignmentPlanner(Clock clock) {
        this.updates = new UpdatePlanner(clock);
        this.creates = new CreatePlanner(clock);
    }

    /** The EUID {@code field: value} addresses. */
    String euid(IdField field, String value) {
        return updates.plan(field.typeOf(value), field.identity(value), true).euid();
    }

    /** A planned assignment: its storage id, and the merge that applies it (seeing the record before in {@code before}). */
    record Planned(String docId, String euid, EntityMerge merge) {
    }

    Planned plan(CriticalityAssignment assignment, Consumer<Optional<ObjectNode>> before) {
        EntityType type = assignment.field().typeOf(assignment.value());
        ObjectNode patch = assignment.field().identity(assignment.value());
        ObjectNode asset = FieldPath.childObject(patch, "asset");
        if (assignment.removes()) {
            asset.putNull("criticality");
        } else {
            asset.put("criticality", assignment.level());
        }
        PlannedWrite update = updates.plan(type, patch, true);
        if (assignment.removes()) {
            return new Planned(update.docId(), update.euid(), current -> {
                before.accept(current.map(StoredEntity::source));
                return current.filter(stored -> CriticalityRecord.of(IdField.ENTITY_ID, "", stored.source()).isPresent())
                        .map(stored -> MergeDecision.write(update.mergedInto(stored.source(), merger)))
                        .orElseGet(MergeDecision::noop);
            });
        }
        ObjectNode created = creates.planFor(type, update.euid(), creation(assignment.field().identity(assignment.value()),
                assignment.level())).patchOrDocument();
        return upsert(update, created, before);
    }

    /**
     * A first criticality for the entity {@code columns} identify (a CSV row that matched nothing): created
     * from those columns as a v2 create would, or, when it exists by then, updated.
     */
    Planned planCreate(EntityType type, ObjectNode columns, String level) {
        PlannedWrite create = creates.plan(type, creation(columns, level));
        ObjectNode patch = IdField.ENTITY_ID.identity(create.euid());
        FieldPath.childObject(patch, "asset").put("criticality", level);
        return upsert(updates.plan(type, patch, true), create.patchOrDocument(), before -> { });
    }

    private static ObjectNode creation(ObjectNode identity, String level) {
        ObjectNode body = identity.deepCopy();
        FieldPath.childObject(body, "asset").put("criticality", level);
        FieldPath.childObject(body, "entity").put("created_by", CREATED_BY);
        return body;
    }

    private Planned upsert(PlannedWrite update, ObjectNode created, Consumer<Optional<ObjectNode>> before) {
        return new Planned(update.docId(), update.euid(), current -> {
            before.accept(current.map(StoredEntity::source));
            return current.map(stored -> MergeDecision.write(update.mergedInto(stored.source(), merger)))
                    .orElseGet(() -> MergeDecision.write(created.deepCopy()));
        });
    }
}
