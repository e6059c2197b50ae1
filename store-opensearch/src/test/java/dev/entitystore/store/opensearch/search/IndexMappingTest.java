package dev.entitystore.store.opensearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IndexMappingTest {
    private static final String MAPPINGS = """
            {"properties":{
              "@timestamp":{"type":"date"},
              "host":{"properties":{
                "name":{"type":"keyword","ignore_above":1024,"fields":{"text":{"type":"text"}}},
                "cpu":{"properties":{"count":{"type":"long"}}}}},
              "entity":{"properties":{"lifecycle":{"properties":{"first_seen":{"type":"keyword",
                "fields":{"text":{"type":"text"},"date":{"type":"date","ignore_malformed":true}}}}},
                "attributes":{"properties":{"managed":{"type":"boolean"}}}}},
              "risk":{"properties":{"score":{"type":"float"}}},
              "empty":{"type":"object"}}}""";

    private final IndexMapping mapping = IndexMapping.of(read(MAPPINGS));

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leaves_are_typed_by_their_dotted_path_and_sub_fields_are_not_fields() {
        assertThat(mapping.fields()).containsOnlyKeys("@timestamp", "host.name", "host.cpu.count",
                "entity.lifecycle.first_seen", "entity.attributes.managed", "risk.score");
        assertThat(mapping.type("@timestamp")).isEqualTo(FieldType.DATE);
        assertThat(mapping.type("host.name")).isEqualTo(FieldType.KEYWORD);
        assertThat(mapping.type("entity.lifecycle.first_seen")).isEqualTo(FieldType.DATED_KEYWORD);
        assertThat(mapping.type("host.cpu.count")).isEqualTo(FieldType.WHOLE_NUMBER);
        assertThat(mapping.type("risk.score")).isEqualTo(FieldType.DECIMAL_NUMBER);
        assertThat(mapping.type("entity.attributes.managed")).isEqualTo(FieldType.BOOLEAN);
        assertThat(mapping.type("host.name.text")).isNull();
    }

    @Test
    void names_resolve_exactly_by_pattern_and_objects_stand_for_their_fields() {
        assertThat(mapping.resolve("host.name")).containsExactly("host.name");
        assertThat(mapping.resolve("host")).isEmpty();
        assertThat(mapping.resolve("host.*")).containsExactly("host.cpu.count", "host.name");
        assertThat(mapping.resolve("*")).hasSize(6);
        assertThat(mapping.resolveWithObjects("host")).containsExactly("host.cpu.count", "host.name");
        assertThat(mapping.resolveWithObjects("hos")).isEmpty();
    }
}
