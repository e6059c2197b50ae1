package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.obj;
import static dev.entitystore.domain.write.CreatePlannerTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import java.util.EnumSet;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code asset.criticality: null} (issue 16, item 4): nothing on create, the stored level removed on update. */
class ClearableFieldsTest {
    private final CreatePlanner creator = new CreatePlanner(CLOCK);
    private final UpdatePlanner updater = new UpdatePlanner(CLOCK);
    private final PartialUpdateMerger merger = new PartialUpdateMerger();

    @Test
    void createStoresNoCriticalityForNull() {
        ObjectNode doc = creator.plan(EntityType.HOST, obj("{'host':{'name':'h'},'asset':{'criticality':null}}"))
                .patchOrDocument();
        assertThat(doc.has("asset")).isFalse();
    }

    @Test
    void updateWithNullRemovesTheStoredLevelAndKeepsTheRestOfAsset() {
        ObjectNode stored = obj("{'entity':{'id':'host:h'},'asset':{'criticality':'high_impact','owner':'o'}}");
        PlannedWrite write = updater.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:h'},'asset':{'criticality':null}}"), true);
        ObjectNode merged = write.mergedInto(stored, merger);
        assertThat(merged.get("asset")).isEqualTo(obj("{'owner':'o'}"));
        assertThat(write.cleared()).containsExactly("asset.criticality");
    }

    @Test
    void removingTheLastAssetFieldRemovesTheEmptyObject() {
        ObjectNode stored = obj("{'entity':{'id':'host:h'},'asset':{'criticality':'high_impact'}}");
        PlannedWrite write = updater.plan(EntityType.HOST, obj("{'entity':{'id':'host:h'},'asset.criticality':null}"), true);
        assertThat(write.mergedInto(stored, merger).has("asset")).isFalse();
    }

    @Test
    void clearingIsStillARestrictedWriteWithoutForce() {
        assertThatThrownBy(() -> updater.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:h'},'asset':{'criticality':null}}"), false))
                .isInstanceOf(FieldsNotAllowedException.class)
                .hasMessageContaining("without forcing it (?force=true): asset.criticality");
    }

    @Test
    void legacyUpsertWithNullRemovesTheStoredLevel() {
        LegacyUpsertPlanner planner = new LegacyUpsertPlanner(CLOCK);
        LegacyEngines running = new LegacyEngines() {
            @Override
            public boolean isRunning(EntityType type) {
                return EnumSet.allOf(EntityType.class).contains(type);
            }

            @Override
            public OptionalInt fieldHistoryLength(EntityType type) {
                return OptionalInt.empty();
            }
        };
        PlannedUpsert upsert = planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:h'},'asset':{'criticality':null}}"), true, running);
        ObjectNode after = upsert.applyTo(obj("{'entity':{'id':'host:h'},'asset':{'criticality':'low_impact'}}"));
        assertThat(after.has("asset")).isFalse();
        assertThat(upsert.applyTo(null).has("asset")).isFalse();
    }
}
