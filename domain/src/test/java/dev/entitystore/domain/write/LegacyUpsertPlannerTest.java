package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.obj;
import static dev.entitystore.domain.write.CreatePlannerTest.CLOCK;
import static dev.entitystore.domain.write.CreatePlannerTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EngineNotRunningException;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.FieldsNotAllowedException.Reason;
import dev.entitystore.domain.error.FieldsNotAllowedException.Wording;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.identity.EntityIds;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Legacy v1 upsert and bulk (product rules §3.3, §3.4, §3.6, §3.7, §3.13). */
class LegacyUpsertPlannerTest {
    private final LegacyUpsertPlanner planner = new LegacyUpsertPlanner(CLOCK);

    private static LegacyEngines running(Set<EntityType> types, OptionalInt fieldHistoryLength) {
        return new LegacyEngines() {
            @Override
            public boolean isRunning(EntityType type) {
                return types.contains(type);
            }

            @Override
            public OptionalInt fieldHistoryLength(EntityType type) {
                return fieldHistoryLength;
            }
        };
    }

    private static final LegacyEngines ALL = running(EnumSet.allOf(EntityType.class), OptionalInt.empty());

    @Test
    void engineNotRunningIsRefused() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'entity':{'id':'host-id'}}"), false,
                running(Set.of(), OptionalInt.empty())))
                .isExactlyInstanceOf(EngineNotRunningException.class)
                .hasMessage("Entity Engine 'host' is not running");
    }

    @Test
    void restrictedFieldsUseTheLegacyWording() {
        FieldsNotAllowedException e = catchThrowableOfType(FieldsNotAllowedException.class, () -> planner.plan(
                EntityType.HOST, obj("{'entity':{'id':'host-1','type':'update','sub_type':'updated-sub',"
                        + "'attributes':{'asset':true}},'host':{'os':{'name':'linux'}}}"), false, ALL));
        assertThat(e).hasMessage("The following attributes are not allowed to be updated without forcing it "
                + "(?force=true): entity.type, entity.sub_type, host.os.name");
        assertThat(e.reason()).isEqualTo(Reason.RESTRICTED);
        assertThat(e.wording()).isEqualTo(Wording.V1);
    }

    @Test
    void unknownFieldsUseTheLegacyWording() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host-1','schema_version':'1'},'tags':['x']}"), false, ALL))
                .isInstanceOfSatisfying(FieldsNotAllowedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN);
                    assertThat(e.wording()).isEqualTo(Wording.V1);
                })
                .hasMessage("The following attributes are not allowed to be updated: entity.schema_version, tags");
    }

    @Test
    void entityIdIsRequired() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'host':{'name':'h'}}"), false, ALL))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("[request body]: entity.id: Required");
    }

    @Test
    void bodyWithOnlyItsIdentityContainsNoUpdate() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:a'},'host':{'name':'a'}}"),
                true, ALL))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("The request doesn't contain any update");
    }

    @Test
    void upsertThatCreatesDefaultsNameStampsTypeAndSetsTimestamp() {
        PlannedUpsert upsert = planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host-1','attributes':{'asset':true}}}"), false, ALL);
        assertThat(upsert.euid()).isEqualTo("host-1");
        assertThat(upsert.docId()).isEqualTo(EntityIds.documentId("host-1"));
        assertThat(upsert.applyTo(null)).isEqualTo(obj("{'entity':{'id':'host-1','attributes':{'asset':true},"
                + "'name':'host-1','EngineMetadata':{'Type':'host'}},'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void upsertOfAStoredEntityMergesCollectFieldsAndReplacesTheRest() {
        ObjectNode stored = obj("{'entity':{'id':'host:a','name':'a','attributes':{'asset':false,'watchlists':['w1']},"
                + "'EngineMetadata':{'Type':'host'}},'host':{'name':'a','ip':['1']},'@timestamp':'old'}");
        PlannedUpsert upsert = planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:a','attributes':"
                + "{'asset':true,'watchlists':['w2','w1']}},'host':{'ip':['2']}}"), true, ALL);
        assertThat(upsert.applyTo(stored)).isEqualTo(obj("{'entity':{'id':'host:a','name':'a','attributes':"
                + "{'asset':true,'watchlists':['w1','w2']},'EngineMetadata':{'Type':'host'}},"
                + "'host':{'name':'a','ip':['1','2']},'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void genericKeepsEntityAtTheRootAndForceWritesHostFields() {
        PlannedUpsert upsert = planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'database-1','name':'mysql-db',"
                + "'lifecycle':{'first_seen':'1995-12-17T03:24:00Z'}},'host':{'name':'not-allowed','id':['123']}}"), true, ALL);
        ObjectNode created = upsert.applyTo(null);
        assertThat(created.at("/entity/name").asText()).isEqualTo("mysql-db");
        assertThat(created.at("/entity/lifecycle/first_seen").asText()).isEqualTo("1995-12-17T03:24:00Z");
        assertThat(created.at("/host/name").asText()).isEqualTo("not-allowed");
        assertThat(created.at("/host/entity").isMissingNode()).isTrue();
    }

    @Test
    void keysAreStoredAsSentWithoutCapitalising() {
        PlannedUpsert upsert = planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'h','attributes':{'managed':true},'lifecycle':{'first_seen':'t'}}}"), true, ALL);
        assertThat(upsert.applyTo(null).at("/entity/attributes/managed").booleanValue()).isTrue();
        assertThat(upsert.applyTo(null).at("/entity/lifecycle/first_seen").asText()).isEqualTo("t");
    }

    @Test
    void engineFieldHistoryLengthLimitsTheUnion() {
        PlannedUpsert upsert = planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:a'},'host':{'ip':['3','4']}}"),
                true, running(EnumSet.allOf(EntityType.class), OptionalInt.of(3)));
        assertThat(upsert.applyTo(obj("{'host':{'ip':['1','2']}}")).get("host").get("ip"))
                .isEqualTo(obj("{'a':['1','2','3']}").get("a"));
    }

    @Test
    void applyToDoesNotModifyItsPlan() {
        PlannedUpsert upsert = planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'g','attributes':{'asset':true}}}"),
                false, ALL);
        ObjectNode first = upsert.applyTo(null);
        first.put("mutated", true);
        assertThat(upsert.applyTo(null).has("mutated")).isFalse();
    }

    @Test
    void bulkPlansEveryRecordInOrder() {
        List<PlannedUpsert> upserts = planner.planBulk(List.of(
                new BulkItem(EntityType.USER, obj("{'entity':{'id':'user:a@unknown','attributes':{'asset':true}}}")),
                new BulkItem(EntityType.HOST, obj("{'entity.id':'host:b','entity.attributes.managed':true}"))), false, ALL);
        assertThat(upserts).extracting(PlannedUpsert::euid).containsExactly("user:a@unknown", "host:b");
        assertThat(upserts.get(1).patch().at("/entity/attributes/managed").booleanValue()).isTrue();
    }

    @Test
    void bulkChecksEveryEntityIdBeforeAnyEngine() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> planner.planBulk(List.of(
                new BulkItem(EntityType.HOST, obj("{'entity':{'id':'h','attributes':{'asset':true}}}")),
                new BulkItem(EntityType.USER, obj("{'user':{'name':'u'}}"))), false, running(Set.of(), OptionalInt.empty())));
        assertThat(e).hasMessage("[request body]: entities.1.record.entity.id: Required");
        assertThat(e.itemIndex()).hasValue(1);
    }

    @Test
    void bulkChecksATypesEngineAtItsFirstRecord() {
        LegacyEngines hostOnly = running(EnumSet.of(EntityType.HOST), OptionalInt.empty());
        assertThatThrownBy(() -> planner.planBulk(List.of(
                new BulkItem(EntityType.HOST, obj("{'entity':{'id':'h','attributes':{'asset':true}}}")),
                new BulkItem(EntityType.USER, obj("{'entity':{'id':'u','attributes':{'asset':true}}}"))), false, hostOnly))
                .isExactlyInstanceOf(EngineNotRunningException.class)
                .hasMessage("Entity Engine 'user' is not running");
        // A record failing before the stopped type's first record is reported first.
        FieldsNotAllowedException e = catchThrowableOfType(FieldsNotAllowedException.class, () -> planner.planBulk(List.of(
                new BulkItem(EntityType.HOST, obj("{'entity':{'id':'h','name':'n'}}")),
                new BulkItem(EntityType.USER, obj("{'entity':{'id':'u'}}"))), false, hostOnly));
        assertThat(e.itemIndex()).hasValue(0);
        assertThat(e.wording()).isEqualTo(Wording.V1);
    }

    @Test
    void bulkRecordsNeedNoChangeBeyondTheirIdentity() {
        assertThat(planner.planBulk(List.of(new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'g'}}"))), false, ALL))
                .hasSize(1);
    }

    @Test
    void v1sOwnFieldsNeedNoForceAndFlatRelationshipListsAreCollected() {
        // issue 16, item 8: Kibana's v1 definitions let the API write these
        PlannedUpsert upsert = planner.plan(EntityType.USER, obj("{'entity':{'id':'user:a@unknown','attributes':"
                + "{'privileged':true},'behaviors':{'new_country_login':true},'relationships':{'owned_by':['h2']}}}"),
                false, ALL);
        ObjectNode merged = upsert.applyTo(obj("{'entity':{'id':'user:a@unknown','relationships':{'owned_by':['h1'],"
                + "'owns':{'ids':['x']}}}}"));
        assertThat(merged.at("/entity/relationships/owned_by").toString()).isEqualTo("[\"h1\",\"h2\"]");
        assertThat(merged.at("/entity/attributes/privileged").booleanValue()).isTrue();
        PlannedUpsert flatOverObject = planner.plan(EntityType.USER, obj("{'entity':{'id':'user:a@unknown',"
                + "'relationships':{'owns':['y']}}}"), false, ALL);
        assertThat(flatOverObject.applyTo(merged).at("/entity/relationships/owns").toString()).isEqualTo("[\"y\"]");
    }

    @Test
    void lifecycleStaysRestrictedOnV1AsKibanasV1CodeHadIt() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:l','lifecycle':"
                + "{'first_seen':'2026-01-15T10:00:00.000Z'}}}"), false, ALL))
                .isInstanceOf(FieldsNotAllowedException.class)
                .hasMessage("The following attributes are not allowed to be updated without forcing it (?force=true): "
                        + "entity.lifecycle.first_seen");
    }

    @Test
    void v1SkipsOnlyItsSingleIdentityFieldSoOtherV2IdentityFieldsNeedForce() {
        // issue 16, item 8: v1 skipped entity.id and the type's one identityField (host.name, user.name, ...)
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:i','attributes':{'managed':true}},"
                + "'host':{'name':'i','id':['abc'],'hostname':['i.example']}}"), false, ALL))
                .isInstanceOf(FieldsNotAllowedException.class)
                .hasMessage("The following attributes are not allowed to be updated without forcing it (?force=true): "
                        + "host.id, host.hostname");
        assertThatThrownBy(() -> planner.plan(EntityType.USER, obj("{'entity':{'id':'user:u@unknown','attributes':"
                + "{'managed':true}},'user':{'name':'u','email':['u@example.com'],'domain':['corp']}}"), false, ALL))
                .isInstanceOf(FieldsNotAllowedException.class)
                .hasMessage("The following attributes are not allowed to be updated without forcing it (?force=true): "
                        + "user.email, user.domain");
        assertThat(planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:i','attributes':{'managed':true}},"
                + "'host':{'name':'i','id':['abc']}}"), true, ALL).applyTo(obj("{'entity':{'id':'host:i'}}"))
                .at("/host/id/0").asText()).isEqualTo("abc");
        // the identity field alone is no update, as in v1; another v2 identity field is one
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:i'},'host':{'name':'i'}}"), true, ALL))
                .hasMessage("The request doesn't contain any update");
        assertThat(planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:i'},'host':{'id':['abc']}}"), true, ALL))
                .isNotNull();
    }
}
