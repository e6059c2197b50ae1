package dev.entitystore.domain.entity;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntitySchema.Issue;
import dev.entitystore.domain.testing.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The legacy v1 request schema: the current one plus the keys of the published v1 pages. */
class LegacyEntitySchemaTest {
    private final EntitySchema legacy = EntitySchema.legacy();

    private List<String> issues(EntitySchema schema, ObjectNode doc, EntityType type) {
        return schema.issues(doc, type).stream().map(Issue::toString).collect(Collectors.toList());
    }

    @Test
    void thePublishedBulkExampleRecordIsValidForV1ButNotForV2() throws IOException {
        ObjectNode record;
        try (InputStream in = getClass().getResourceAsStream("/v1-published-bulk-example.json")) {
            record = (ObjectNode) Json.MAPPER.readTree(in).path("entities").get(0).path("record");
        }
        assertThat(issues(legacy, record, EntityType.USER)).isEmpty();
        assertThat(issues(EntitySchema.standard(), record, EntityType.USER)).isNotEmpty();
    }

    @Test
    void relationshipsTakeV1sFlatListOrV2sObject() {
        assertThat(issues(legacy, obj("{'entity':{'id':'x','relationships':{'owns':['a','b']}}}"), EntityType.GENERIC))
                .isEmpty();
        assertThat(issues(legacy, obj("{'entity':{'id':'x','relationships':{'owns':{'entity_id':['a']}}}}"),
                EntityType.GENERIC)).isEmpty();
        assertThat(issues(legacy, obj("{'entity':{'id':'x','relationships':{'owns':{'bogus':['a']}}}}"),
                EntityType.GENERIC)).containsExactly("entity.relationships.owns: Unrecognized key: \"bogus\"");
        assertThat(issues(legacy, obj("{'entity':{'id':'x','relationships':{'owns':'a'}}}"), EntityType.GENERIC))
                .containsExactly("entity.relationships.owns: Invalid input: expected array, received string");
    }

    @Test
    void sourceMayBeOneStringOrAList() {
        assertThat(issues(legacy, obj("{'entity':{'id':'x','source':'api'}}"), EntityType.GENERIC)).isEmpty();
        assertThat(issues(legacy, obj("{'entity':{'id':'x','source':['api']}}"), EntityType.GENERIC)).isEmpty();
        assertThat(issues(EntitySchema.standard(), obj("{'entity':{'id':'x','source':'api'}}"), EntityType.GENERIC))
                .isNotEmpty();
    }

    @Test
    void v1BooleansAreTyped() {
        assertThat(issues(legacy, obj("{'entity':{'id':'x','attributes':{'privileged':'yes'},"
                + "'behaviors':{'brute_force_victim':true}}}"), EntityType.USER))
                .containsExactly("entity.attributes.privileged: Invalid input: expected boolean, received string");
    }

    @Test
    void freeFormObjectsStayFreeForm() {
        assertThat(issues(legacy, obj("{'entity':{'id':'x','relationships':{'resolution':{'risk':{'anything':1}}}}}"),
                EntityType.GENERIC)).isEmpty();
        assertThat(issues(EntitySchema.standard(),
                obj("{'entity':{'id':'x','relationships':{'resolution':{'risk':{'anything':1}}}}}"),
                EntityType.GENERIC)).isEmpty();
    }
}
