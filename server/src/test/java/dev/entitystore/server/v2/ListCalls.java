package dev.entitystore.server.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The requests the list suites make, against one test class's server: create an entity, list. */
final class ListCalls {
    static final String BASE = "/api/security/entity_store";
    static final String LIST = BASE + "/entities";

    private final RunningServer server;

    ListCalls(RunningServer server) {
        this.server = server;
    }

    /** A query-string value, percent-encoded (spaces as %20). */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    void create(String type, String body) {
        Answer answer = server.client().post(BASE + "/entities/" + type, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** A successful list answer for {@code query} (starting with {@code ?}, or empty). */
    JsonNode list(String query) {
        Answer answer = server.client().get(LIST + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
