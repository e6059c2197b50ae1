package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** v2 create (product rules §3.2, §3.3, §3.9). */
class CreatePlannerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    static final String NOW = "2026-01-15T10:00:00.000Z";

    private final CreatePlanner planner = new CreatePlanner(CLOCK);

    @Test
    void genericEntityGetsItsNameDefaultedToTheEuid() {
        PlannedWrite write = planner.plan(EntityType.GENERIC,
                obj("{'entity':{'id':'db-prod-01','type':'database','attributes':{'managed':true}}}"));
        assertThat(write.euid()).isEqualTo("db-prod-01");
        assertThat(write.docId()).isEqualTo(dev.entitystore.domain.identity.EntityIds.documentId("db-prod-01"));
        assertThat(write.type()).isEqualTo(EntityType.GENERIC);
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'entity':{'id':'db-prod-01','type':'database',"
                + "'attributes':{'managed':true},'name':'db-prod-01','EngineMetadata':{'Type':'generic'}},"
                + "'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void hostFromIdentityFieldsOnly() {
        PlannedWrite write = planner.plan(EntityType.HOST, obj("{'host':{'name':'web-01','ip':['10.0.0.5']}}"));
        assertThat(write.euid()).isEqualTo("host:web-01");
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'host':{'name':'web-01','ip':['10.0.0.5']},"
                + "'entity':{'id':'host:web-01','name':'host:web-01','EngineMetadata':{'Type':'host'}},"
                + "'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void requiredIdCreateIsStoredUnderItsHash() {
        assertThat(planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'required-id-create'}}")).docId())
                .isEqualTo("a7579c3e6954b413f49f47cba47a19f4f6f359ef128e97c16ad69123eae80287");
    }

    @Test
    void createWithGeneratedEuid() {
        PlannedWrite write = planner.plan(EntityType.HOST, obj("{'host':{'name':'create-generated-euid'}}"));
        assertThat(write.docId()).isEqualTo("0bf9fdc1e83f1fe9413a02bd9ef1a864fecd23d179c818e07a2ba12606eccb8b");
        assertThat(write.patchOrDocument().at("/entity/id").asText()).isEqualTo("host:create-generated-euid");
    }

    @Test
    void oasHostExampleKeepsItsOwnNameAndFields() {
        PlannedWrite write = planner.plan(EntityType.HOST, obj("{'entity':{'id':'host:web-server-prod-01',"
                + "'name':'web-server-prod-01','type':'host','source':['manual'],'attributes':{'asset':true,'managed':true}},"
                + "'host':{'name':'web-server-prod-01','hostname':['web-server-prod-01.example.com'],'ip':['10.0.1.42']},"
                + "'asset':{'environment':'production','criticality':'high_impact','business_unit':'Engineering'}}"));
        assertThat(write.docId()).isEqualTo("b04041a0510a43da80ca0f983b85c82c630322f41178cbc7bf6322444c9e6625");
        ObjectNode doc = write.patchOrDocument();
        assertThat(doc.at("/entity/name").asText()).isEqualTo("web-server-prod-01");
        assertThat(doc.at("/asset/criticality").asText()).isEqualTo("high_impact");
    }

    @Test
    void mismatchingIdIsRejected() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST, obj("{'entity':{'id':'my-custom-id'},'host':{'name':'web-01'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Supplied ID my-custom-id does not match generated EUID host:web-01");
    }

    @Test
    void mismatchOfTheScoutSuite() {
        assertThatThrownBy(() -> planner.plan(EntityType.HOST,
                obj("{'entity':{'id':'wrong-supplied-id'},'host':{'name':'create-mismatch-test'}}")))
                .hasMessageContaining("does not match generated EUID");
    }

    @Test
    void nothingToDeriveFromIsRejected() {
        assertThatThrownBy(() -> planner.plan(EntityType.SERVICE, obj("{'entity':{'name':'payments'}}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Bad request: Could not derive EUID from document");
    }

    @Test
    void flatBodyIsUnflattened() {
        PlannedWrite write = planner.plan(EntityType.GENERIC, obj("{'entity.id':'flat-create-id'}"));
        assertThat(write.patchOrDocument()).isEqualTo(obj("{'entity':{'id':'flat-create-id','name':'flat-create-id',"
                + "'EngineMetadata':{'Type':'generic'}},'@timestamp':'" + NOW + "'}"));
    }

    @Test
    void explicitNameIsKept() {
        assertThat(planner.plan(EntityType.SERVICE, obj("{'service':{'name':'api'},'entity':{'name':'API'}}"))
                .patchOrDocument().at("/entity/name").asText()).isEqualTo("API");
    }

    @Test
    void emptyNameIsDefaulted() {
        assertThat(planner.plan(EntityType.SERVICE, obj("{'service':{'name':'api'},'entity':{'name':''}}"))
                .patchOrDocument().at("/entity/name").asText()).isEqualTo("service:api");
    }

    @Test
    void engineTypeSetByTheBodyIsKept() {
        assertThat(planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'x','EngineMetadata':{'Type':'custom'}}}"))
                .patchOrDocument().at("/entity/EngineMetadata/Type").asText()).isEqualTo("custom");
    }

    @Test
    void clientTimestampIsOverwritten() {
        assertThat(planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'x'},'@timestamp':'1999-01-01T00:00:00Z'}"))
                .patchOrDocument().get("@timestamp").asText()).isEqualTo(NOW);
    }

    @Test
    void timestampKeepsMillisecondsInUtc() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.089123Z"), ZoneOffset.ofHours(2));
        assertThat(new CreatePlanner(clock).plan(EntityType.GENERIC, obj("{'entity':{'id':'x'}}"))
                .patchOrDocument().get("@timestamp").asText()).isEqualTo("2026-03-04T05:06:07.089Z");
    }

    @Test
    void createDoesNotCheckFieldPermissions() {
        PlannedWrite write = planner.plan(EntityType.HOST,
                obj("{'host':{'name':'h'},'tags':['x'],'labels':{'k':'v'},'entity':{'type':'host','lifecycle':{'first_seen':'t'}}}"));
        assertThat(write.patchOrDocument().get("tags")).hasSize(1);
    }

    @Test
    void userCreateNeedsItsUnknownNamespaceId() {
        PlannedWrite write = planner.plan(EntityType.USER, obj("{'entity':{'id':'user:bob@unknown'},'user':{'name':'bob'}}"));
        assertThat(write.euid()).isEqualTo("user:bob@unknown");
        assertThatThrownBy(() -> planner.plan(EntityType.USER, obj("{'user':{'name':'bob'}}")))
                .hasMessage("Bad request: Could not derive EUID from document");
    }

    @Test
    void genericKeepsEntityAtTheRootWithItsType() {
        ObjectNode doc = planner.plan(EntityType.GENERIC, obj("{'entity':{'id':'g-1','type':'database'}}")).patchOrDocument();
        assertThat(doc.at("/entity/type").asText()).isEqualTo("database");
        assertThat(doc.at("/generic").isMissingNode()).isTrue();
    }

    @Test
    void serviceCreateWithoutNameDefaultsEntityNameAndAddsNoServiceEntity() {
        ObjectNode doc = planner.plan(EntityType.SERVICE, obj("{'service':{'name':'api'}}")).patchOrDocument();
        assertThat(doc.at("/entity/name").asText()).isEqualTo("service:api");
        assertThat(doc.at("/service")).isEqualTo(obj("{'name':'api'}"));
    }

    @Test
    void bodyIsNotModified() {
        ObjectNode body = obj("{'host':{'name':'web-01'}}");
        planner.plan(EntityType.HOST, body);
        assertThat(body).isEqualTo(obj("{'host':{'name':'web-01'}}"));
    }
}
