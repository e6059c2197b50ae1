package dev.entitystore.server.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kibana's check_privileges, answered from the caller's credential in the request's space. */
abstract class CheckPrivilegesHttpSuite {
    private static final String PUBLIC = "/api/security/entity_store/check_privileges";
    private static final String INTERNAL = "/internal/security/entity_store/check_privileges";
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    private static final String WRITER = CREDENTIALS.addKey("writer", "--spaces", "default,team-a", "--write");
    private static final String READER = CREDENTIALS.addKey("reader", "--spaces", "default", "--read-only");
    private static final String ADMIN = CREDENTIALS.addUser("ops", "--spaces", "*", "--write", "--admin");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    private static JsonNode check(String authorization, String path) {
        Answer answer = server.client().request("GET", path).header("Authorization", authorization).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aReaderMayReadButNotWrite() {
        JsonNode answer = check(READER, PUBLIC);
        assertThat(answer.toString()).isEqualTo("{\"privileges\":{\"elasticsearch\":{\"index\":{\"entities-latest-default\":"
                + "{\"read\":true,\"write\":false}}},\"kibana\":{\"securitySolution\":true,"
                + "\"securitySolution-entity-analytics\":true,\"securitySolution-entity-store-all\":false,"
                + "\"securitySolution-entity-store-manage\":false}},\"has_all_required\":false,"
                + "\"has_read_permissions\":true,\"has_write_permissions\":false}");
    }

    @Test
    void aWriterMayReadAndWriteInItsSpacesOnly() {
        JsonNode teamA = check(WRITER, "/s/team-a" + INTERNAL);
        assertThat(teamA.path("privileges").path("elasticsearch").path("index").has("entities-latest-team-a")).isTrue();
        assertThat(teamA.path("has_all_required").asBoolean()).isTrue();
        assertThat(teamA.path("has_write_permissions").asBoolean()).isTrue();
        assertThat(teamA.path("privileges").path("kibana").path("securitySolution-entity-store-manage").asBoolean()).isFalse();

        JsonNode elsewhere = check(WRITER, "/s/team-b" + PUBLIC);
        assertThat(elsewhere.path("has_read_permissions").asBoolean()).isFalse();
        assertThat(elsewhere.path("has_write_permissions").asBoolean()).isFalse();
        assertThat(elsewhere.path("privileges").path("kibana").path("securitySolution").asBoolean()).isFalse();
    }

    @Test
    void anAdminHoldsEveryPrivilegeEverywhere() {
        JsonNode answer = check(ADMIN, "/s/anywhere" + PUBLIC);
        answer.path("privileges").path("kibana").forEach(held -> assertThat(held.asBoolean()).isTrue());
        assertThat(answer.path("has_all_required").asBoolean()).isTrue();
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        assertThat(server.client().get(PUBLIC).status()).isEqualTo(401);
    }
}
