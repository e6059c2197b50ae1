package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;

/** Checks an answer is Kibana's error body with exactly this status, reason phrase and message. */
public final class ErrorAssertions {
    private ErrorAssertions() {}

    public static void assertError(Answer answer, int status, String error, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.path("statusCode").asInt()).as(answer.body()).isEqualTo(status);
        assertThat(body.path("error").asText()).as(answer.body()).isEqualTo(error);
        assertThat(body.path("message").asText()).isEqualTo(message);
    }
}
