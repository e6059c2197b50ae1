package dev.entitystore.server.exceptionlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The endpoint exception list routes as a Kibana client calls them, and the two error shapes checked exactly. */
final class EndpointListCalls {
    static final String LIST = "/api/endpoint_list";
    static final String ITEMS = "/api/endpoint_list/items";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunningServer server;

    EndpointListCalls(RunningServer server) {
        this.server = server;
    }

    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static ObjectNode node(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(j(singleQuoted));
        } catch (IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpClientForTests.Request as(String authorization, String method, String path) {
        return server.client().request(method, path).header("Authorization", authorization);
    }

    Answer send(String authorization, String method, String path, String body) {
        HttpClientForTests.Request request = as(authorization, method, path);
        return (body == null ? request : request.json(j(body))).send();
    }

    /** A 200 answer's body. */
    static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The security solution's body: exactly {@code {"message":...,"status_code":N}}. */
    static void assertSiemError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        ObjectNode expected = JSON.createObjectNode();
        expected.put("message", message);
        expected.put("status_code", status);
        assertThat(answer.json()).as(answer.body()).isEqualTo(expected);
    }

    /** Kibana's envelope: exactly {@code {"statusCode":N,"error":...,"message":...}}. */
    static void assertKibanaError(Answer answer, int status, String error, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        ObjectNode expected = JSON.createObjectNode();
        expected.put("statusCode", status);
        expected.put("error", error);
        expected.put("message", message);
        assertThat(answer.json()).as(answer.body()).isEqualTo(expected);
    }
}
