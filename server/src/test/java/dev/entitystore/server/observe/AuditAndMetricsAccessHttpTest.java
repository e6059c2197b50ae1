package dev.entitystore.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With credentials: the audit log's lines, and who may read {@code /metrics}. */
class AuditAndMetricsAccessHttpTest {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    private static final String READER = CREDENTIALS.addKey("reader", "--spaces", "default", "--read-only");
    private static final String ADMIN = CREDENTIALS.addUser("ops", "--spaces", "*", "--write", "--admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class Audit {
        @RegisterExtension
        static RunningServer server = new RunningServer(CREDENTIALS.environment());

        private JsonNode auditLineOf(CapturedLog audit, String requestId) throws Exception {
            assertThat(audit.linesOf(requestId)).hasSize(1);
            return JSON.readTree(audit.linesOf(requestId).get(0));
        }

        @Test
        void failed_authentication_is_audited_with_its_reason() throws Exception {
            try (CapturedLog audit = new CapturedLog(AuditLog.LOGGER)) {
                server.client().request("GET", "/api/security/entity_store/status").header("X-Request-Id", "audit-none").send();
                server.client().request("GET", "/api/security/entity_store/status").header("X-Request-Id", "audit-bad")
                        .header("Authorization", "ApiKey bm9wZTpub3Bl").send();
                JsonNode none = auditLineOf(audit, "audit-none");
                assertThat(none.path("event").asText()).isEqualTo("authentication_failed");
                assertThat(none.path("reason").asText()).isEqualTo("no credentials");
                assertThat(none.path("status").asInt()).isEqualTo(401);
                assertThat(none.path("remote").asText()).isEqualTo("127.0.0.1");
                assertThat(auditLineOf(audit, "audit-bad").path("reason").asText()).isEqualTo("credentials rejected");
            }
        }

        @Test
        void refused_authorization_and_engine_changes_are_audited_with_the_principal() throws Exception {
            try (CapturedLog audit = new CapturedLog(AuditLog.LOGGER)) {
                assertThat(server.client().request("POST", "/api/security/entity_store/install").header("X-Request-Id", "audit-403")
                        .header("Authorization", READER).json("{}").send().status()).isEqualTo(403);
                assertThat(server.client().request("POST", "/s/team-a/api/security/entity_store/install")
                        .header("X-Request-Id", "audit-install").header("Authorization", ADMIN).json("{}").send().status())
                        .isEqualTo(201);
                server.client().request("GET", "/api/security/entity_store/status").header("X-Request-Id", "audit-read")
                        .header("Authorization", READER).send();

                JsonNode denied = auditLineOf(audit, "audit-403");
                assertThat(denied.path("event").asText()).isEqualTo("authorization_denied");
                assertThat(denied.path("principal").asText()).contains("reader");
                assertThat(denied.path("operation").asText()).isEqualTo("installEntityStore");
                JsonNode install = auditLineOf(audit, "audit-install");
                assertThat(install.path("event").asText()).isEqualTo("engine_change");
                assertThat(install.path("outcome").asText()).isEqualTo("success");
                assertThat(install.path("space").asText()).isEqualTo("team-a");
                assertThat(install.path("principal").asText()).contains("ops");
                assertThat(audit.lines()).noneMatch(line -> line.contains("audit-read"));
            }
        }

        @Test
        void the_user_profile_routes_are_logged_and_their_refusals_audited_like_every_route() throws Exception {
            try (CapturedLog audit = new CapturedLog(AuditLog.LOGGER); CapturedLog access = new CapturedLog(AccessLog.LOGGER)) {
                HttpClientForTests.Answer refused = server.client().request("GET", "/_security/profile/u_x_0")
                        .header("X-Request-Id", "audit-profile-403").header("Authorization", READER).send();
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.header("X-Request-Id")).isEqualTo("audit-profile-403");
                HttpClientForTests.Answer read = server.client().request("GET", "/_security/profile/u_x_0")
                        .header("X-Request-Id", "audit-profile-read").header("Authorization", ADMIN).send();
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.header("X-Request-Id")).isEqualTo("audit-profile-read");

                JsonNode denied = auditLineOf(audit, "audit-profile-403");
                assertThat(denied.path("event").asText()).isEqualTo("authorization_denied");
                assertThat(denied.path("operation").asText()).isEqualTo("getUserProfiles");
                assertThat(denied.path("principal").asText()).contains("reader");
                JsonNode line = JSON.readTree(access.linesOf("audit-profile-read").get(0));
                assertThat(line.path("route").asText()).isEqualTo("/_security/profile/{uid}");
                assertThat(line.path("status").asInt()).isEqualTo(200);
                assertThat(line.path("principal").asText()).contains("ops");
                assertThat(audit.lines()).as("a read is no security event").noneMatch(l -> l.contains("audit-profile-read"));
            }
        }

        @Test
        void metrics_need_credentials_like_every_route() {
            assertThat(server.client().get("/metrics").status()).isEqualTo(401);
            assertThat(server.client().request("GET", "/metrics").header("Authorization", READER).send().status()).isEqualTo(200);
        }
    }

    @Nested
    class AnonymousLoopbackScraping {
        @RegisterExtension
        static RunningServer server = new RunningServer(withLoopbackMetrics());

        private static Map<String, String> withLoopbackMetrics() {
            Map<String, String> environment = new HashMap<>(CREDENTIALS.environment());
            environment.put("ENTITY_STORE_METRICS_ALLOW_ANONYMOUS_LOOPBACK", "true");
            return environment;
        }

        @Test
        void a_local_scraper_needs_no_credentials_for_metrics_only() {
            assertThat(server.client().get("/metrics").status()).isEqualTo(200);
            assertThat(server.client().get("/api/status").status()).isEqualTo(401);
        }
    }
}
