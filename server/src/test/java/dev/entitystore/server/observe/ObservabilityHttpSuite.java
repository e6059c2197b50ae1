package dev.entitystore.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request ids, the access log and {@code GET /metrics}, over HTTP. */
abstract class ObservabilityHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String CREATE = "/api/security/entity_store/entities/host";

    static HttpClientForTests client() {
        return server.client();
    }

    @BeforeAll
    static void install() {
        assertThat(client().post("/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        // The census space is written here only, before any scrape, so every scrape's counts (taken at
        // most every 30 s) see exactly these.
        assertThat(client().post("/s/census/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        for (String body : List.of("{\"host\":{\"name\":\"counted-01\"}}", "{\"host\":{\"name\":\"counted-02\"}}")) {
            assertThat(client().post("/s/census" + CREATE, body).status()).isEqualTo(200);
        }
        assertThat(client().post("/s/census/api/security/entity_store/entities/user",
                "{\"entity\":{\"id\":\"user:counted@unknown\"},\"user\":{\"name\":\"counted\"}}").status()).isEqualTo(200);
    }

    @Test
    void a_request_id_sent_is_echoed_and_one_is_made_when_none_is_sent() {
        assertThat(client().request("GET", "/api/status").header("X-Request-Id", "trace-42.a").send().header("X-Request-Id"))
                .isEqualTo("trace-42.a");
        assertThat(client().get("/api/status").header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(client().request("GET", "/api/status").header("X-Request-Id", "not an id; <script>").send().header("X-Request-Id"))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void each_request_writes_one_access_line_with_its_route_template_status_and_sizes() throws Exception {
        String body = "{\"host\":{\"name\":\"observed-01\"}}";
        try (CapturedLog access = new CapturedLog(AccessLog.LOGGER)) {
            HttpClientForTests.Answer answer = client().request("POST", CREATE).header("X-Request-Id", "access-1").json(body).send();
            assertThat(answer.status()).isEqualTo(200);
            List<String> lines = access.linesOf("access-1");
            assertThat(lines).hasSize(1);
            JsonNode line = new ObjectMapper().readTree(lines.get(0));
            assertThat(line.path("method").asText()).isEqualTo("POST");
            assertThat(line.path("route").asText()).isEqualTo("/api/security/entity_store/entities/{entityType}");
            assertThat(line.path("space").asText()).isEqualTo("default");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("principal").asText()).isEqualTo("anonymous");
            assertThat(line.path("bytesIn").asLong()).isEqualTo(body.length());
            assertThat(line.path("bytesOut").asLong()).isEqualTo(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(line.path("durationMs").asDouble()).isPositive();
            assertThat(line.path("remote").asText()).isEqualTo("127.0.0.1");
            assertThat(line.path("time").asText()).isNotEmpty();
        }
    }

    @Test
    void an_unknown_path_is_logged_as_unmatched_not_as_its_path() throws Exception {
        try (CapturedLog access = new CapturedLog(AccessLog.LOGGER)) {
            client().request("GET", "/s/team-x/api/nothing/here").header("X-Request-Id", "access-404").send();
            JsonNode line = new ObjectMapper().readTree(access.linesOf("access-404").get(0));
            assertThat(line.path("route").asText()).isEqualTo("UNMATCHED");
            assertThat(line.path("status").asInt()).isEqualTo(404);
            assertThat(line.path("space").asText()).isEqualTo("team-x");
        }
    }

    @Test
    void metrics_count_requests_per_route_and_status_and_show_the_jvm_and_the_backend() {
        assertThat(client().post(CREATE, "{\"host\":{\"name\":\"metered-01\"}}").status()).isEqualTo(200);
        HttpClientForTests.Answer metrics = client().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/security/entity_store/entities/{entityType}\",status=\"200\"}")
                .contains("http_server_requests_seconds_bucket{")
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_gc_")
                .contains("entity_store_health_level{component=")
                .contains("entity_store_entities{space=\"census\",type=\"host\"} 2.0")
                .contains("entity_store_entities{space=\"census\",type=\"user\"} 1.0")
                .doesNotContain("entity_store_entities{space=\"census\",type=\"service\"}");
        if (server.onOpenSearch()) {
            assertThat(metrics.body()).contains("entity_store_health_level{component=\"opensearch\"} 0.0");
        } else {
            assertThat(metrics.body()).contains("entity_store_pending_writes 0.0").contains("entity_store_search_index_lag 0.0")
                    .containsPattern("entity_store_commit_group_records_count [1-9]")
                    .containsPattern("entity_store_commit_seconds_count [1-9]")
                    .contains("entity_store_health_level{component=\"recordStore\"} 0.0");
        }
    }
}
