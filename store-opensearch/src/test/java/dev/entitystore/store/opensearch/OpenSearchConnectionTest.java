package dev.entitystore.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenSearchConnectionTest {

    @Test
    void reaches_the_test_node_and_reads_its_version() throws Exception {
        try (OpenSearchConnection connection = OpenSearchConnection.open(OpenSearchForTests.freshSettings(), new ObjectMapper())) {
            assertThat(connection.client().info().version().number()).startsWith("2.");
        }
    }

    @Test
    void refuses_a_url_it_cannot_use() {
        assertThatThrownBy(() -> OpenSearchConnection.open(OpenSearchSettings.of("http://[::1"), new ObjectMapper()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
