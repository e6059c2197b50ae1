package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node that stops answering without closing its connections (hung, stopped, partitioned): the calls
 * the server makes to it used to wait for ever, and so did the requests and the tests behind them. With
 * the socket timeout (2 s here) a write and the status answer 503 with the reason within it, and once the
 * node answers again the same server serves again.
 */
class OpenSearchHangsHttpTest {
    private static final RelayedOpenSearch OPENSEARCH = new RelayedOpenSearch();
    private static final TcpRelay RELAY = OPENSEARCH.relay();
    private static final String BASE = "/api/security/entity_store";

    @RegisterExtension
    static RunningServer server = new RunningServer(withSocketTimeout(OPENSEARCH.serverEnvironment()));

    private static Map<String, String> withSocketTimeout(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(environment);
        settings.put("ENTITY_STORE_OPENSEARCH_SOCKET_TIMEOUT_SECONDS", "2");
        return settings;
    }

    @AfterAll
    static void deleteIndices() throws Exception {
        RELAY.thaw();
        OPENSEARCH.close();
    }

    @Test
    void aNodeThatStopsAnsweringTurnsWritesAndTheStatusInto503WithinTheTimeoutAndTheServerRecoversByItself() {
        HttpClientForTests client = server.client();
        assertThat(client.post(BASE + "/install", "{\"entityTypes\":[\"host\"]}").status()).isIn(200, 201);
        assertThat(client.post(BASE + "/entities/host", "{\"host\":{\"name\":\"before-the-hang\"}}").status()).isIn(200, 201);

        RELAY.freeze();
        try {
            long started = System.nanoTime();
            Answer write = client.request("POST", BASE + "/entities/host").timeout(Duration.ofSeconds(60))
                    .json("{\"host\":{\"name\":\"while-hung\"}}").send();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(write.status()).as(write.body()).isEqualTo(503);
            assertThat(write.json().path("message").asText()).contains("no answer in time");
            assertThat(took).as("the write's answer, with a 2 s socket timeout").isLessThan(Duration.ofSeconds(20));

            Answer list = client.request("GET", BASE + "/entities").timeout(Duration.ofSeconds(60)).send();
            assertThat(list.status()).as(list.body()).isEqualTo(503);
            assertThat(list.json().path("message").asText()).startsWith("OpenSearch is unavailable (no answer in time)");

            Answer status = client.request("GET", "/api/status").timeout(Duration.ofSeconds(60)).send();
            assertThat(status.status()).isEqualTo(503);
            assertThat(status.json().at("/status/core/opensearch/level").asText()).isEqualTo("unavailable");
        } finally {
            RELAY.thaw();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.get("/api/status").status() != 200 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(client.get("/api/status").status()).as("the status once the node answers again").isEqualTo(200);
        assertThat(client.post(BASE + "/entities/host", "{\"host\":{\"name\":\"after-the-hang\"}}").status()).isIn(200, 201);
        assertThat(client.get(BASE + "/entities?filter=host.name:after-the-hang").json().toString()).contains("after-the-hang");
    }
}
