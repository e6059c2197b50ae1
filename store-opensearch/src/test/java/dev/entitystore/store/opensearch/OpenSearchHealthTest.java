package dev.entitystore.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthLevel;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class OpenSearchHealthTest {

    @Test
    void a_cluster_that_answers_is_available_with_its_name_and_status() {
        try (OpenSearchConnection connection = OpenSearchConnection.open(OpenSearchForTests.freshSettings(), new ObjectMapper())) {
            ComponentHealth health = new OpenSearchHealth(connection).check();
            assertThat(health.level()).isEqualTo(HealthLevel.AVAILABLE);
            assertThat(health.name()).isEqualTo("opensearch");
            assertThat(health.meta()).containsKeys("clusterName", "clusterStatus", "nodes");
        }
    }

    @Test
    void a_cluster_that_does_not_answer_is_unavailable_and_says_where_it_was_looked_for() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        try (OpenSearchConnection connection = OpenSearchConnection.open(OpenSearchSettings.of(url), new ObjectMapper())) {
            ComponentHealth health = new OpenSearchHealth(connection).check();
            assertThat(health.level()).isEqualTo(HealthLevel.UNAVAILABLE);
            assertThat(health.summary()).startsWith("OpenSearch at " + url + " does not answer").contains("503");
            assertThat(health.level().canServe()).isFalse();
        }
    }
}
