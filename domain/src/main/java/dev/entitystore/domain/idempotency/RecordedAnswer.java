package dev.entitystore.domain.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The first answer to a request with an {@code Idempotency-Key}, as its retries get it again.
 *
 * @param status  the HTTP status
 * @param headers the headers worth giving again ({@code Content-Type}, {@code ETag}), by name
 * @param body    the body's bytes, exactly as first sent
 */
public record RecordedAnswer(int status, Map<String, String> headers, byte[] body) {
    public RecordedAnswer {
        headers = Map.copyOf(headers);
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The stored form, the same in every store: {@code {"status":200,"headers":{...},"body":"<base64>"}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("status", status);
        ObjectNode names = json.putObject("headers");
        headers.forEach(names::put);
        return json.put("body", Base64.getEncoder().encodeToString(body));
    }

    /** Reads {@link #toJson()}'s form back. */
    public static RecordedAnswer fromJson(JsonNode json) {
        Map<String, String> headers = new LinkedHashMap<>();
        json.path("headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        return new RecordedAnswer(json.path("status").asInt(), headers, Base64.getDecoder().decode(json.path("body").asText()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedAnswer that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedAnswer[status=" + status + ", headers=" + headers + ", " + body.length + " bytes]";
    }
}
