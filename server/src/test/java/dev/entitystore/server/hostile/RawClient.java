package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends requests the contract forbids on purpose (huge, malformed, wrongly typed), so it skips
 * {@code ContractCheck}'s request validation; every answer is still held to Kibana's error body:
 * a 4xx carries {@code statusCode} (equal to the status), {@code error} and {@code message}, and no answer
 * shows a stack trace or a Java class name. Elasticsearch's routes ({@code /_security/}) are held to
 * Elasticsearch's body instead: {@code status}, {@code error.type} and {@code error.reason}; or, where no
 * route takes the request, its REST controller's {@code {"error":"no handler found for uri [...] ..."}}.
 */
public final class RawClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What leaks look like: a stack frame, an exception class, a package of ours or of the stack. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |Exception\\b|\\bjava\\.|\\bjakarta\\.|com\\.fasterxml|org\\.glassfish|org\\.apache|dev\\.entitystore"
                    + "|StreamReadConstraints");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public RawClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON: " + body, e);
            }
        }

        public String message() {
            return json().path("message").asText();
        }
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    public Answer write(String method, String path, String json) {
        return send(method, path, json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("kbn-xsrf", "true", "Content-Type", "application/json"));
    }

    /** Sends as given; {@code body} null sends none. Checks the answer's shape before returning it. */
    public Answer send(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body());
            checkShape(method + " " + pathAndQuery, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(pathAndQuery), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The one 5xx a client can cause on purpose: writing to an engine it stopped (product rules §3.6). */
    private static final Pattern ENGINE_NOT_RUNNING = Pattern.compile("Entity Engine '[a-z]+' is not running");

    /** Kibana's body on every error, the status repeated in it, nothing of the server's insides. */
    public static void checkShape(String what, Answer answer) {
        String context = abbreviate(what) + " -> " + answer.status() + " " + abbreviate(answer.body());
        if (answer.status() == 503) {
            assertThat(answer.message()).as(context).matches(ENGINE_NOT_RUNNING);
        } else {
            assertThat(answer.status()).as(context).isBetween(200, 499);
        }
        if (answer.status() >= 400 && what.contains(" /_security/") && answer.json().path("error").isTextual()) {
            // Elasticsearch's REST controller where no route takes the request: 400 no handler, 405 another method
            JsonNode body = answer.json();
            assertThat(answer.status()).as(context).isIn(400, 405);
            assertThat(body.path("error").asText()).as(context)
                    .matches("(?s)(no handler found for uri|Incorrect HTTP method for uri) \\[.*\\] and method \\[[A-Z]+\\].*");
            assertThat(body.path("status").asInt(answer.status())).as(context).isEqualTo(answer.status());
        } else if (answer.status() >= 400 && what.contains(" /_security/")) {
            JsonNode body = answer.json();
            assertThat(body.path("status").asInt()).as(context).isEqualTo(answer.status());
            assertThat(body.path("error").path("type").isTextual()).as(context).isTrue();
            assertThat(body.path("error").path("reason").isTextual()).as(context).isTrue();
            assertThat(LEAK.matcher(answer.body()).find()).as("leaks internals: " + context).isFalse();
        } else if (answer.status() >= 400 && what.contains("/api/endpoint_list") && answer.json().has("status_code")) {
            // the exception-list handlers' own body (the security solution's): a text or a list of texts
            JsonNode body = answer.json();
            assertThat(body.path("status_code").asInt()).as(context).isEqualTo(answer.status());
            assertThat(body.path("message").isTextual() || body.path("message").isArray()).as(context).isTrue();
            assertThat(LEAK.matcher(answer.body()).find()).as("leaks internals: " + context).isFalse();
        } else if (answer.status() >= 400) {
            JsonNode body = answer.json();
            assertThat(body.path("statusCode").asInt()).as(context).isEqualTo(answer.status());
            assertThat(body.path("error").isTextual()).as(context).isTrue();
            assertThat(body.path("message").isTextual()).as(context).isTrue();
            assertThat(LEAK.matcher(answer.body()).find()).as("leaks internals: " + context).isFalse();
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
