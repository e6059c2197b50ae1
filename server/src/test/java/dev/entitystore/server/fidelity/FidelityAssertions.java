package dev.entitystore.server.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;

/** What both generations' fidelity suites check the same way. */
final class FidelityAssertions {
    private FidelityAssertions() {
    }

    /** The stored record, read through v2's get route under {@code v2Base}; it must exist. */
    static JsonNode stored(HttpClientForTests client, String v2Base, String type, String id) {
        Answer answer = client.get(v2Base + "/entities/" + type + "/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Every engine lists components, each named by a value of Kibana's {@code EngineComponentResource}. */
    static void assertKibanaComponentNames(JsonNode engines) {
        assertThat(engines).isNotEmpty();
        for (JsonNode engine : engines) {
            assertThat(engine.path("components")).isNotEmpty();
            for (JsonNode component : engine.path("components")) {
                assertThat(component.path("resource").asText()).isIn("index", "entity_definition");
            }
        }
    }
}
