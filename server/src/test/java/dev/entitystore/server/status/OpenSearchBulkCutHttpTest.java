package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk that OpenSearch received but whose answer was lost (issue 16, item 11): the 503 cannot say what
 * was applied, so it names every record it may not have applied by its {@code _id}, each followed by its
 * items' positions and EUIDs, and lists them under {@code attributes.items}.
 */
class OpenSearchBulkCutHttpTest {
    private static final RelayedOpenSearch OPENSEARCH = new RelayedOpenSearch();
    private static final TcpRelay RELAY = OPENSEARCH.relay();
    private static final String BASE = "/api/security/entity_store";

    @RegisterExtension
    static RunningServer server = new RunningServer(OPENSEARCH.serverEnvironment());

    @AfterAll
    static void deleteIndices() throws Exception {
        OPENSEARCH.close();
    }

    @Test
    void a_bulk_whose_answer_is_lost_answers_503_naming_each_record_with_its_items_and_entity_ids() {
        HttpClientForTests client = server.client();
        assertThat(client.post(BASE + "/install", "{}").status()).isIn(200, 201);
        for (String name : new String[] {"cut-01", "cut-02"}) {
            assertThat(client.post(BASE + "/entities/host", "{\"host\":{\"name\":\"" + name + "\"}}").status()).isEqualTo(200);
        }

        RELAY.cutTheAnswerTo("entities-default/_bulk"); // not the changes index's bulk, written after creates are answered
        HttpClientForTests.Answer answer = client.put(BASE + "/entities/bulk?force=true", "{\"entities\":["
                + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"cut-01\"},\"entity\":{\"attributes\":{\"managed\":true}}}},"
                + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"cut-02\"},\"entity\":{\"attributes\":{\"managed\":true}}}},"
                + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"cut-01\"},\"entity\":{\"attributes\":{\"mfa_enabled\":true}}}}]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        String first = EntityIds.documentId("host:cut-01");
        String second = EntityIds.documentId("host:cut-02");
        assertThat(answer.json().path("message").asText()).as(answer.body())
                .contains("may not have been applied")
                .contains(first + " (item 0: host:cut-01, item 2: host:cut-01)")
                .contains(second + " (item 1: host:cut-02)");
        JsonNode items = answer.json().at("/attributes/items");
        assertThat(items).as(answer.body()).hasSize(3);
        assertThat(items.get(0).path("index").asInt()).isZero();
        assertThat(items.get(0).path("entityId").asText()).isEqualTo("host:cut-01");
        assertThat(items.get(0).path("_id").asText()).isEqualTo(first);
        assertThat(items.findValuesAsText("entityId")).containsExactlyInAnyOrder("host:cut-01", "host:cut-02", "host:cut-01");
        assertThat(items.findValues("index")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(0, 1, 2);

        // The relay passes everything again: the cluster has the bulk, the server answers from it.
        assertThat(client.get("/api/status").status()).isEqualTo(200);
    }
}
