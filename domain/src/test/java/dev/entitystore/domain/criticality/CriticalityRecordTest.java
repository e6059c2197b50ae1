package dev.entitystore.domain.criticality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalityRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void aHostIsListedByItsNameAndAnEntityWithoutOneByItsEuid() throws Exception {
        CriticalityRecord host = CriticalityRecord.of(json("{\"@timestamp\":\"t\",\"entity\":{\"id\":\"host:h1\","
                + "\"EngineMetadata\":{\"Type\":\"host\"}},\"host\":{\"name\":\"h1\"},\"asset\":{\"criticality\":\"low_impact\"}}"))
                .orElseThrow();
        assertThat(host.toJson().toString()).isEqualTo("{\"id_field\":\"host.name\",\"id_value\":\"h1\","
                + "\"criticality_level\":\"low_impact\",\"@timestamp\":\"t\",\"asset\":{\"criticality\":\"low_impact\"},"
                + "\"host\":{\"name\":\"h1\",\"asset\":{\"criticality\":\"low_impact\"}}}");
        CriticalityRecord byId = CriticalityRecord.of(json("{\"entity\":{\"id\":\"host:abc\",\"EngineMetadata\":{\"Type\":\"host\"}},"
                + "\"host\":{\"id\":\"abc\",\"name\":\"other\"},\"asset\":{\"criticality\":\"high_impact\"}}")).orElseThrow();
        assertThat(byId.idField()).isEqualTo(IdField.ENTITY_ID);
        assertThat(byId.toJson().at("/entity/id").asText()).isEqualTo("host:abc");
    }

    @Test
    void anEntityWithoutALevelHasNoRecord() throws Exception {
        assertThat(CriticalityRecord.of(json("{\"entity\":{\"id\":\"g\"}}"))).isEmpty();
    }

    @Test
    void idFieldsMapOntoTheEntityRoutesIdentities() {
        assertThat(IdField.ENTITY_ID.typeOf("user:ann@unknown")).isEqualTo(EntityType.USER);
        assertThat(IdField.ENTITY_ID.typeOf("s3://bucket")).isEqualTo(EntityType.GENERIC);
        assertThat(IdField.USER_NAME.identity("ann").toString())
                .isEqualTo("{\"user\":{\"name\":\"ann\"},\"entity\":{\"id\":\"user:ann@unknown\"}}");
    }

    @Test
    void kueryFieldsAreRewrittenOntoEntityFields() {
        Query query = CriticalityKuery.parse("criticality_level:low_impact and not nonexistent:x");
        assertThat(query.toString()).contains("Term[field=asset.criticality, value=low_impact")
                .contains("MatchNone").doesNotContain("criticality_level");
        Query idField = CriticalityKuery.parse("id_field:host.name");
        assertThat(idField.toString()).contains("Term[field=entity.EngineMetadata.Type, value=host")
                .contains("Exists[field=host.name]");
        assertThat(CriticalityKuery.parse(" ")).isEqualTo(new Query.Exists("asset.criticality"));
        assertThat(CriticalityKuery.parse(null)).isEqualTo(new Query.Exists("asset.criticality"));
        assertThat(List.of(CriticalityKuery.parse("id_value:h1").toString())).allMatch(text -> text.contains("entity.id"));
    }
}
