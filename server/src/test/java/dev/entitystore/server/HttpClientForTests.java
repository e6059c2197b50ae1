package dev.entitystore.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaks HTTP/1.1 JSON to the server as a client would (h2c upgrade is off: it hangs PUTs on Grizzly).
 * Sends {@code kbn-xsrf} on writes unless told not to, like Kibana's own API clients.
 */
public final class HttpClientForTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;

    public HttpClientForTests(String base) {
        this(base, HttpClient.newBuilder());
    }

    /** Over a client set up by the caller (e.g. with an SSL context for HTTPS). */
    HttpClientForTests(String base, HttpClient.Builder client) {
        this.base = base;
        this.http = client.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Answer get(String path) {
        return request("GET", path).send();
    }

    public Answer post(String path, String body) {
        return request("POST", path).json(body).send();
    }

    public Answer put(String path, String body) {
        return request("PUT", path).json(body).send();
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Request(String method, String path) {
            this.method = method;
            this.path = path;
            if (!"GET".equals(method)) {
                headers.put("kbn-xsrf", "true");
            }
        }

        private String bodyText;
        private Duration timeout = Duration.ofSeconds(30);

        /** For a route that does long work before it answers (a maintainer run). */
        public Request timeout(Duration longer) {
            timeout = longer;
            return this;
        }

        public Request json(String json) {
            headers.put("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            bodyText = json;
            return this;
        }

        public Request bytes(byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            bodyText = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return this;
        }

        /** The body without a declared length (sent chunked), as a client streaming it would. */
        public Request chunked(byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
            bodyText = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        public Answer send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .method(method, body);
            headers.forEach(builder::header);
            try {
                HttpRequest request = builder.build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                ContractCheck.check(method, request.uri(), headers, bodyText, response.statusCode(),
                        response.headers().map(), response.body());
                return new Answer(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Answer(int status, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return new ArrayList<>(entry.getValue()).get(0);
                }
            }
            return null;
        }
    }
}
