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

    /** The pool the connection builds must keep the timeouts: a silent node used to hold a call for ever. */
    @Test
    void a_node_that_takes_the_connection_and_never_answers_fails_the_call_within_the_socket_timeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             OpenSearchConnection connection = OpenSearchConnection.open(
                     OpenSearchSettings.of("http://127.0.0.1:" + silent.getLocalPort())
                             .withTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(500)),
                     new ObjectMapper())) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> OpenSearchEntityStore.open(connection, new IndexNames("t-")))
                    .isInstanceOf(dev.entitystore.domain.store.StoreOpenException.class)
                    .hasMessageEndingWith("does not answer: no answer in time");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(20));
        }
    }

    /** Calls go to each address in turn; one that refuses connections is skipped and its calls go to the other. */
    @Test
    void several_addresses_keep_serving_through_the_live_node_when_one_is_dead() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OpenSearchSettings settings = OpenSearchSettings.of("http://127.0.0.1:" + closedPort + "," + OpenSearchForTests.url());
        assertThat(settings.urls()).hasSize(2);
        try (OpenSearchConnection connection = OpenSearchConnection.open(settings, new ObjectMapper())) {
            assertThat(connection.url()).isEqualTo("http://127.0.0.1:" + closedPort + "," + OpenSearchForTests.url());
            for (int call = 0; call < 10; call++) {
                assertThat(connection.client().info().version().number()).startsWith("2.");
            }
        }
    }

    @Test
    void timeouts_must_be_positive() {
        assertThatThrownBy(() -> OpenSearchSettings.of("http://127.0.0.1:9200")
                .withTimeouts(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    }

    @Test
    void refuses_a_url_it_cannot_use() {
        assertThatThrownBy(() -> OpenSearchConnection.open(OpenSearchSettings.of("http://[::1"), new ObjectMapper()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'http://[::1' is not http(s)://host:port");
    }
}
