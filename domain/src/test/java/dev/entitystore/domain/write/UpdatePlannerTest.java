package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.obj;
import static dev.entitystore.domain.write.CreatePlannerTest.CLOCK;
import static dev.entitystore.domain.write.CreatePlannerTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.FieldsNotAllowedException.Reason;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import org.junit.jupiter.api.Test;

/** v2 update planning: target identification, field permissions, the partial-update merge, Kibana's texts. */
class UpdatePlannerTest {
    private final UpdatePlanner planner = new UpdatePlanner(CLOCK);
    private final CreatePlanner creator = new CreatePlanner(CLOCK);
    private final PartialUpdateMerger merger = new PartialUpdateMerger();

    @Test
    void allowedAttributesNeedNoForce() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:web-01','attributes':{'asset':true,'watchlists':['crown-jewels']}}}"), false);
        assertThat(write.euid()).isEqualTo("host:web-01");
        assertThat(write.docId()).isEqualTo(EntityIds.documentId("host:web-01"));
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'entity':{'id':'host:web-01','attributes':{'asset':true,"
                + "'watchlists':['crown-jewels']}},'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void storedRecordKeepsEverythingAndReplacesWatchlists() {
        ObjectNode stored = creator.plan(EntityType.HOST,
                obj("{'host':{'name':'web-01','ip':['10.0.0.5']},'entity':{'attributes':{'watchlists':['a']}}}")).patchOrDocument();
        ObjectNode merged = merger.merge(stored, planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:web-01','attributes':{'asset':true,'watchlists':['crown-jewels']}}}"), false)
                .patchOrDocument());
        assertThat(merged.at("/host/ip/0").asText()).isEqualTo("10.0.0.5");
        assertThat(merged.at("/entity/name").asText()).isEqualTo("host:web-01");
        assertThat(merged.at("/entity/attributes/watchlists")).hasSize(1);
        assertThat(merged.at("/entity/attributes/watchlists/0").asText()).isEqualTo("crown-jewels");
        assertThat(merged.at("/entity/attributes/asset").booleanValue()).isTrue();
    }

    @Test
    void restrictedFieldsWithoutForceAreRejected() {
        String body = "{'entity':{'id':'host:web-01','name':'Web 01'},'asset':{'criticality':'high_impact'}}";
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj(body), false))
                .isInstanceOf(FieldsNotAllowedException.class)
                .hasMessage("Bad request: The following attributes are not allowed to be updated without forcing it "
                        + "(?force=true): entity.name, asset.criticality");
        assertThat(planner.plan(EntityType.HOST, obj(body), true).patchOrDocument().at("/asset/criticality").asText())
                .isEqualTo("high_impact");
    }

    @Test
    void unknownFieldsWithoutForceAreRejected() {
        String body = "{'entity':{'id':'db-prod-01'},'tags':['x']}";
        assertThatThrownBy(() -> planner.plan(EntityType.GENERIC, obj(body), false))
                .isInstanceOfSatisfying(FieldsNotAllowedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN))
                .hasMessage("Bad request: The following attributes are not allowed to be updated: [tags]");
        assertThat(planner.plan(EntityType.GENERIC, obj(body), true).patchOrDocument().get("tags")).hasSize(1);
    }

    @Test
    void entityNameOfAGenericNeedsForce() {
        assertThatThrownBy(() -> planner.plan(EntityType.GENERIC,
                obj("{'entity':{'id':'required-id-force','name':'needs-force-flag'}}"), false))
                .hasMessageContaining("not allowed to be updated without forcing it");
    }

    @Test
    void updateByIdAndIdentity() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:this-is-update','name':'this-is-update'},'host':{'name':'this-is-update'}}"), true);
        assertThat(write.euid()).isEqualTo("host:this-is-update");
    }

    @Test
    void updateByIdOnly() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:update-id-only','name':'updated-name'}}"), true);
        assertThat(write.euid()).isEqualTo("host:update-id-only");
        assertThat(write.patchOrDocument().at("/entity/name").asText()).isEqualTo("updated-name");
    }

    @Test
    void anUpdateOfANamedRecordKeepsTheNameAndStillChecksPermissions() {
        PlannedWrite write = planner.planFor(EntityType.HOST, "web-legacy",
                obj("{'entity':{'id':'web-legacy'},'host':{'name':'web-legacy'}}"), false);
        assertThat(write.euid()).isEqualTo("web-legacy");
        assertThat(write.docId()).isEqualTo(EntityIds.documentId("web-legacy"));
        assertThat(write.patchOrDocument().at("/entity/id").asText()).isEqualTo("web-legacy");
        assertThatThrownBy(() -> planner.planFor(EntityType.HOST, "web-legacy",
                obj("{'entity':{'id':'web-legacy'},'host':{'ip':['10.0.0.1']}}"), false))
                .isInstanceOf(FieldsNotAllowedException.class);
    }

    @Test
    void updateByIdentityOnlyWritesTheDerivedIdIntoThePatch() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'entity':{'name':'updated-via-identity'},'host':{'name':'update-identity-only'}}"), true);
        assertThat(write.euid()).isEqualTo("host:update-identity-only");
        assertThat(write.patchOrDocument().at("/entity/id").asText()).isEqualTo("host:update-identity-only");
    }

    @Test
    void generatedIdIsWrittenEvenWithoutAnEntityObject() {
        PlannedWrite write = planner.plan(EntityType.HOST, obj("{'host':{'name':'h'}}"), false);
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'host':{'name':'h'},'entity':{'id':'host:h'},"
                + "'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void identityFieldIsNotRejectedWithoutForce() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'host':{'name':'h'},'entity':{'attributes':{'watchlists':['w1','w2']}}}"), false);
        assertThat(write.patchOrDocument().at("/entity/attributes/watchlists")).hasSize(2);
    }

    @Test
    void flatUpdateWithForce() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'entity.id':'host:flat-update','entity.name':'flat-updated-name','host.name':'flat-update'}"), true);
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'entity':{'id':'host:flat-update','name':'flat-updated-name'},"
                + "'host':{'name':'flat-update'},'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void twoFlatUpdatesReplaceTheNameAndKeepStrings() {
        ObjectNode stored = creator.plan(EntityType.HOST,
                obj("{'entity':{'id':'host:flat-double-update'},'host':{'name':'flat-double-update'}}")).patchOrDocument();
        for (String name : new String[] {"first-name", "second-name"}) {
            stored = merger.merge(stored, planner.plan(EntityType.HOST, obj("{'entity.id':'host:flat-double-update',"
                    + "'entity.name':'" + name + "','host.name':'flat-double-update'}"), true).patchOrDocument());
        }
        assertThat(stored.at("/entity/name").textValue()).isEqualTo("second-name");
        assertThat(stored.at("/host/name").textValue()).isEqualTo("flat-double-update");
    }

    @Test
    void updateNeverDefaultsTheName() {
        assertThat(planner.plan(EntityType.HOST, obj("{'host':{'name':'h'}}"), false).patchOrDocument()
                .at("/entity/name").isMissingNode()).isTrue();
    }

    @Test
    void updateNeverStampsTheEngineType() {
        assertThat(planner.plan(EntityType.HOST, obj("{'host':{'name':'h'}}"), false).patchOrDocument()
                .at("/entity/EngineMetadata").isMissingNode()).isTrue();
    }

    @Test
    void clientTimestampNeedsForceAndIsOverwrittenAnyway() {
        assertThatThrownBy(() -> planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'x'},'@timestamp':'2000-01-01T00:00:00Z'}"), false))
                .hasMessage("Bad request: The following attributes are not allowed to be updated: [@timestamp]");
        assertThat(planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'x'},'@timestamp':'2000-01-01T00:00:00Z'}"), true)
                .patchOrDocument().get("@timestamp").asText()).isEqualTo(NOW);
    }

    @Test
    void identificationFailsBeforePermissions() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'tags':['x']}"), false))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Could not derive EUID from document or find it in entity.id");
    }

    @Test
    void missingEntityIsTheStoresBusinessNotThePlanners() {
        PlannedWrite write = planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'does-not-exist','name':'x'}}"), true);
        assertThat(write.euid()).isEqualTo("does-not-exist");
    }

    @Test
    void earlierDottedIdIsOverwrittenByALaterEntityObject() {
        assertThatThrownBy(() -> planner.plan(EntityType.GENERIC,
                obj("{'entity.id':'x','entity':{'attributes':{'asset':true}}}"), false))
                .hasMessage("Bad request: Could not derive EUID from document or find it in entity.id");
    }

    @Test
    void unflattenedGenericWithWatchlistsPassesWithoutForce() {
        PlannedWrite write = planner.plan(EntityType.GENERIC,
                obj("{'entity.id':'generated-id','entity.attributes.watchlists':['w']}"), false);
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'entity':{'id':'generated-id','attributes':"
                + "{'watchlists':['w']}},'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void hostPatchKeepsEntityAtTheRootAndHostName() {
        ObjectNode patch = planner.plan(EntityType.HOST, obj("{'host':{'name':'h'},'entity':{'attributes':{'asset':true}}}"),
                false).patchOrDocument();
        assertThat(patch.at("/host/name").asText()).isEqualTo("h");
        assertThat(patch.at("/entity/id").asText()).isEqualTo("host:h");
        assertThat(patch.at("/host/entity").isMissingNode()).isTrue();
    }

    @Test
    void bodyIsNotModified() {
        ObjectNode body = obj("{'entity':{'attributes':{'asset':true}},'entity.id':'x'}");
        ObjectNode copy = body.deepCopy();
        planner.plan(EntityType.GENERIC, body, false);
        assertThat(body).isEqualTo(copy);
    }
}
