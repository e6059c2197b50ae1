package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/status}: the server's health per component, with Kibana's levels. */
abstract class StatusHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static HttpClientForTests client() {
        return server.client();
    }

    @Test
    void a_healthy_server_is_available_and_names_each_component() {
        HttpClientForTests.Answer answer = client().get("/api/status");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode status = answer.json().path("status");
        assertThat(status.at("/overall/level").asText()).isEqualTo("available");
        assertThat(status.at("/overall/summary").asText()).isEqualTo("All services are available");
        if (server.onOpenSearch()) {
            assertThat(status.path("core").fieldNames()).toIterable().containsExactly("opensearch");
            assertThat(status.at("/core/opensearch/level").asText()).isEqualTo("available");
            assertThat(status.at("/core/opensearch/meta/clusterStatus").asText()).isIn("green", "yellow");
        } else {
            assertThat(status.path("core").fieldNames()).toIterable().containsExactly("recordStore", "searchIndex");
            assertThat(status.at("/core/recordStore/level").asText()).isEqualTo("available");
            assertThat(status.at("/core/searchIndex/level").asText()).isEqualTo("available");
        }
    }

    @Test
    void the_search_index_lag_is_reported_and_drains_once_writes_are_answered() throws InterruptedException {
        if (server.onOpenSearch()) {
            return; // the cluster's search is its own: no separate index to lag
        }
        assertThat(client().post("/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        assertThat(client().post("/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"status-01\"}}").status())
                .isEqualTo(200);
        // The answer may come before the index applied the write (a search waits for it): listed at once...
        assertThat(client().get("/api/security/entity_store/entities?filter=host.name:status-01").json().path("entities"))
                .hasSize(1);
        // ...and the reported lag drains to nothing.
        JsonNode core = client().get("/api/status").json().at("/status/core");
        for (int i = 0; i < 100 && core.at("/searchIndex/meta/lag").asLong() > 0; i++) {
            Thread.sleep(100);
            core = client().get("/api/status").json().at("/status/core");
        }
        assertThat(core.at("/recordStore/meta/lastSeqNo").asLong()).isPositive();
        assertThat(core.at("/searchIndex/meta/lag").asLong()).isZero();
        assertThat(core.at("/searchIndex/meta/searchableSeqNo").asLong()).isEqualTo(core.at("/recordStore/meta/lastSeqNo").asLong());
    }
}
