package dev.entitystore.domain.entity;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.entity.EntitySchema.Issue;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The request schema union widened by the definitions (product rules §3.12). */
class EntitySchemaTest {
    private final EntitySchema schema = EntitySchema.standard();

    private List<String> issues(String json, EntityType type) {
        return schema.issues(obj(json), type).stream().map(Issue::toString).collect(Collectors.toList());
    }

    @Test
    void oasHostExampleIsValid() {
        assertThat(issues("{'entity':{'id':'host:web-server-prod-01','name':'web-server-prod-01','type':'host',"
                + "'source':['manual'],'attributes':{'asset':true,'managed':true}},"
                + "'host':{'name':'web-server-prod-01','hostname':['web-server-prod-01.example.com'],'ip':['10.0.1.42']},"
                + "'asset':{'environment':'production','criticality':'high_impact','business_unit':'Engineering'}}",
                EntityType.HOST)).isEmpty();
    }

    @Test
    void unionIsNotTiedToTheRouteType() {
        assertThat(issues("{'host':{'name':'h'}}", EntityType.USER)).isEmpty();
    }

    @Test
    void unknownKeysAreRejectedAtTheirObject() {
        assertThat(issues("{'entity':{'id':'x','bogus':1}}", EntityType.GENERIC))
                .containsExactly("entity: Unrecognized key: \"bogus\"");
        assertThat(issues("{'tags2':['x'],'other':1}", EntityType.GENERIC))
                .containsExactly("Unrecognized keys: \"tags2\", \"other\"");
    }

    @Test
    void wrongTypesAreNamedByPath() {
        assertThat(issues("{'entity':{'id':'x','attributes':{'asset':'yes','watchlists':['a',1]}}}", EntityType.GENERIC))
                .containsExactly("entity.attributes.asset: Invalid input: expected boolean, received string",
                        "entity.attributes.watchlists.1: Invalid input: expected string, received number");
    }

    @Test
    void nullIsRejectedEverywhere() {
        assertThat(issues("{'entity':{'name':null}}", EntityType.GENERIC))
                .containsExactly("entity.name: Invalid input: expected string, received null");
        assertThat(issues("{'host':{'geo':{'name':null}}}", EntityType.HOST)).hasSize(1);
    }

    @Test
    void scalarWhereAnObjectBelongsIsRejected() {
        assertThat(issues("{'entity':'x'}", EntityType.GENERIC))
                .containsExactly("entity: Invalid input: expected object, received string");
    }

    @Test
    void enumsDatetimesAndRangesAreChecked() {
        assertThat(issues("{'asset':{'criticality':'huge'},'entity':{'lifecycle':{'first_seen':'2026-01-15T10:00:00'},"
                + "'risk':{'calculated_score_norm':101}}}", EntityType.HOST))
                .containsExactly(
                        "asset.criticality: Invalid option: expected one of \"low_impact\"|\"medium_impact\"|\"high_impact\"|\"extreme_impact\"",
                        "entity.lifecycle.first_seen: Invalid ISO datetime",
                        "entity.risk.calculated_score_norm: Too big: expected number to be <=100");
        assertThat(issues("{'@timestamp':'2026-01-15T10:00:00.000Z','event':{'ingested':'2026-01-15T10:00:00Z'}}",
                EntityType.HOST)).isEmpty();
    }

    @Test
    void definitionOnlyKeysAreAcceptedAsTheUnionOfBoth() {
        assertThat(issues("{'entity':{'relationships':{'owns':{'ids':['a'],'raw_identifiers':{'host':{'id':['h']}}}}}}",
                EntityType.GENERIC)).isEmpty();
        assertThat(issues("{'entity':{'attributes':{'permissions':['p'],'known_redirects':['r']}}}", EntityType.HOST))
                .isEmpty();
        assertThat(issues("{'host':{'geo':{'city_name':'Paris'},'entity':{'id':'e'}}}", EntityType.HOST)).isEmpty();
        assertThat(issues("{'user':{'name':'a'},'event':{'module':'okta','kind':'asset'},'host':{'id':['h']}}",
                EntityType.USER)).isEmpty();
    }

    @Test
    void definitionOnlyKeysTakeTheTypeAnotherMemberGivesThem() {
        // The user definition collects host.id; the host schema types it as a string array, so a user body
        // cannot smuggle a value of another JSON type through the definition (issue 16, item 6).
        assertThat(issues("{'user':{'name':'a'},'host':{'id':'h'}}", EntityType.USER))
                .containsExactly("host.id: Invalid input: expected array, received string");
        assertThat(issues("{'host':{'name':7}}", EntityType.HOST))
                .containsExactly("host.name: Invalid input: expected string, received number");
    }

    @Test
    void schemaOnlyKeysAreTheSchemasKeysTheDefinitionLacks() {
        assertThat(schema.schemaOnlyPaths(EntityType.HOST)).contains(
                "entity.attributes.granted_permissions", "entity.attributes.known_redirect",
                "entity.relationships.administrators.entity_id", "entity.relationships.owns.host_id",
                "@timestamp", "tags", "event.ingested", "entity.EngineMetadata.Type", "entity.id",
                "entity.schema_version");
        assertThat(schema.schemaOnlyPaths(EntityType.HOST)).doesNotContain("host.name", "entity.source", "labels");
        assertThat(schema.schemaOnlyPaths(EntityType.GENERIC)).doesNotContain("entity.id", "cloud.region");
    }

    @Test
    void labelsAreFreeForm() {
        assertThat(issues("{'labels':{'any':{'deep':[1,{'x':null}]}}}", EntityType.HOST)).isEmpty();
        assertThat(schema.accepts(EntityType.HOST, "labels.any.deep")).isTrue();
        assertThat(schema.accepts(EntityType.HOST, "host.name.deeper")).isFalse();
        assertThat(schema.accepts(EntityType.HOST, "tags")).isTrue();
    }

    @Test
    void hostOsTypeTakesAStringOrAnArray() {
        assertThat(issues("{'host':{'os':{'type':'linux','name':['Ubuntu']}}}", EntityType.HOST)).isEmpty();
    }

    @Test
    void reportsTheMemberClosestToAcceptingTheBody() {
        assertThat(issues("{'host':{'name':'h','ip':'not-an-array'}}", EntityType.USER))
                .containsExactly("host.ip: Invalid input: expected array, received string");
    }
}
