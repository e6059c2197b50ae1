package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.obj;
import static dev.entitystore.domain.write.CreatePlannerTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** v2 bulk update planning (product rules §3.10). */
class BulkUpdatePlannerTest {
    private final BulkUpdatePlanner planner = new BulkUpdatePlanner(new UpdatePlanner(CLOCK));

    private static BulkItem item(EntityType type, String doc) {
        return new BulkItem(type, obj(doc));
    }

    @Test
    void validItemsBecomeWritesInOrder() {
        List<PlannedWrite> writes = planner.plan(List.of(
                item(EntityType.GENERIC, "{'entity':{'id':'required-id-1-bulk'}}"),
                item(EntityType.GENERIC, "{'entity':{'id':'required-id-2-bulk'}}")), false);
        assertThat(writes.stream().map(PlannedWrite::euid).collect(Collectors.toList()))
                .containsExactly("required-id-1-bulk", "required-id-2-bulk");
    }

    @Test
    void restrictedFieldInTheSecondItemAbortsTheWholeRequestNamingIt() {
        FieldsNotAllowedException e = catchThrowableOfType(FieldsNotAllowedException.class, () -> planner.plan(List.of(
                item(EntityType.GENERIC, "{'entity':{'id':'db-prod-01','attributes':{'asset':true}}}"),
                item(EntityType.GENERIC, "{'entity.id':'ghost','entity.name':'x'}")), false));
        assertThat(e).hasMessage("Bad request: The following attributes are not allowed to be updated without forcing it "
                + "(?force=true): entity.name");
        assertThat(e.itemIndex()).hasValue(1);
    }

    @Test
    void flatItemIsUnflattenedAndPlanned() {
        List<PlannedWrite> writes = planner.plan(List.of(
                item(EntityType.GENERIC, "{'entity.id':'ghost','entity.attributes.asset':true}")), false);
        assertThat(writes.get(0).patchOrDocument().at("/entity/attributes/asset").booleanValue()).isTrue();
    }

    @Test
    void firstFailingItemIsReported() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> planner.plan(List.of(
                item(EntityType.HOST, "{'host':{'name':'ok'}}"),
                item(EntityType.SERVICE, "{'entity':{'name':'no-id'}}"),
                item(EntityType.HOST, "{'tags':['also-bad']}")), false));
        assertThat(e).isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Could not derive EUID from document or find it in entity.id");
        assertThat(e.itemIndex()).hasValue(1);
    }

    @Test
    void mismatchInAnItemCarriesItsPosition() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> planner.plan(List.of(
                item(EntityType.HOST, "{'entity':{'id':'host:a'},'host':{'name':'b'}}")), false));
        assertThat(e.itemIndex()).hasValue(0);
        assertThat(e).hasMessage("Bad request: Supplied ID host:a does not match generated EUID host:b");
    }

    @Test
    void forceAppliesToEveryItem() {
        assertThat(planner.plan(List.of(
                item(EntityType.GENERIC, "{'entity':{'id':'a','name':'x'}}"),
                item(EntityType.GENERIC, "{'entity':{'id':'b'},'tags':['t']}")), true)).hasSize(2);
    }

    @Test
    void itemsOfOneEntityStayInOrder() {
        List<PlannedWrite> writes = planner.plan(List.of(
                item(EntityType.HOST, "{'host':{'name':'h'},'entity':{'attributes':{'asset':true}}}"),
                item(EntityType.HOST, "{'host':{'name':'h'},'entity':{'attributes':{'asset':false}}}")), false);
        assertThat(writes).extracting(PlannedWrite::docId).containsOnly(writes.get(0).docId());
        assertThat(writes.get(1).patchOrDocument().at("/entity/attributes/asset").booleanValue()).isFalse();
    }

    @Test
    void mixedTypesArePlannedEachByItsOwnDefinition() {
        List<PlannedWrite> writes = planner.plan(List.of(
                item(EntityType.USER, "{'entity':{'id':'user:bob@unknown'},'user':{'name':'bob'}}"),
                item(EntityType.SERVICE, "{'service':{'name':'api'}}")), false);
        assertThat(writes).extracting(PlannedWrite::euid).containsExactly("user:bob@unknown", "service:api");
    }

    @Test
    void emptyRequestPlansNothing() {
        assertThat(planner.plan(List.of(), false)).isEmpty();
    }
}
