package dev.entitystore.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The v2 routes the kit drives, over HTTP/1.1, against any server that speaks the API (embedded or
 * OpenSearch backend alike: it only knows a base URL). Loopback only, so a load run cannot be pointed
 * at someone else's server by mistake. Against a server started with credentials, set
 * {@code BENCH_AUTHORIZATION} to the header's value (e.g. {@code ApiKey <key>}).
 *
 * <p>Several base URLs (servers on one cluster) are used in turn, one request each, as a round-robin load
 * balancer would: {@link #of} reads them from a comma-separated list.
 */
public final class EntityStoreClient {
    public static final String API = "/api/security/entity_store";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** One answer: status and body. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status == 200 || status == 201;
        }
    }

    private final List<URI> bases;
    private final AtomicLong turn = new AtomicLong();
    private final HttpClient http;
    private final String authorization = System.getenv("BENCH_AUTHORIZATION");

    public EntityStoreClient(URI base, Executor executor) {
        this(List.of(base), executor);
    }

    /** Requests go to {@code bases} in turn. */
    public EntityStoreClient(List<URI> bases, Executor executor) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no server URL");
        }
        for (URI base : bases) {
            String host = base.getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host) && !"[::1]".equals(host)) {
                throw new IllegalArgumentException("the kit targets loopback only, not " + base);
            }
        }
        this.bases = List.copyOf(bases);
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
    }

    /** A client of the servers at {@code urls}, comma-separated ({@code http://127.0.0.1:5601,http://127.0.0.1:5602}). */
    public static EntityStoreClient of(String urls) {
        return new EntityStoreClient(Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .map(URI::create).toList(), null);
    }

    /** The first server's base URL. */
    public URI base() {
        return bases.get(0);
    }

    /** How many servers the requests go to. */
    public int servers() {
        return bases.size();
    }

    /** Installs the given engines in the default space (201 when new, 200 when installed already). */
    public Answer install(String... types) {
        return send(request("POST", API + "/install", "{\"entityTypes\":[\"" + String.join("\",\"", types) + "\"]}"));
    }

    public Answer create(String type, String body) {
        return send(createRequest(type, body));
    }

    public HttpRequest createRequest(String type, String body) {
        return request("POST", API + "/entities/" + type, body);
    }

    public HttpRequest updateRequest(String type, String body, boolean force) {
        return request("PUT", API + "/entities/" + type + (force ? "?force=true" : ""), body);
    }

    public HttpRequest bulkRequest(String body, boolean force) {
        return request("PUT", API + "/entities/bulk" + (force ? "?force=true" : ""), body);
    }

    public HttpRequest getRequest(String type, String id) {
        return request("GET", API + "/entities/" + type + "/" + encode(id), null);
    }

    /** Cursor or page mode list; {@code query} is the raw query string (already encoded), without '?'. */
    public HttpRequest listRequest(String query) {
        return request("GET", API + "/entities" + (query.isEmpty() ? "" : "?" + query), null);
    }

    public Answer get(String type, String id) {
        return send(getRequest(type, id));
    }

    public Answer list(String query) {
        return send(listRequest(query));
    }

    /** A streamed answer: its status and its body as it arrives (the caller closes it). */
    public record Streamed(int status, InputStream body) {
    }

    /**
     * The export of the default space as it streams ({@code query} without '?', may be empty). Read over
     * {@link HttpURLConnection}, not the {@link HttpClient}: the client's body subscriber took 4.8 s of CPU
     * to take in a 1 GB export that this reads in 0.7 s, more than the server's ~4.5 s to write it, and this
     * process shares the machine's cores with the server it measures.
     */
    public Streamed export(String query) throws IOException {
        URI uri = base().resolve(API + "/_export" + (query.isEmpty() ? "" : "?" + query));
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) Duration.ofSeconds(5).toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        connection.setRequestProperty("kbn-xsrf", "entity-store-bench");
        if (authorization != null && !authorization.isBlank()) {
            connection.setRequestProperty("Authorization", authorization);
        }
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        return new Streamed(status, body == null ? InputStream.nullInputStream() : body);
    }

    /** A GET whose body is read as it streams (a large answer is never held whole). */
    public HttpResponse<InputStream> getStream(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request("GET", pathAndQuery, null), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Starts an import of {@code body} (NDJSON) into the default space; the answer holds the job id. */
    public Answer startImport(Path body, String query) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base().resolve(API + "/_import" + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofMinutes(30)).header("kbn-xsrf", "entity-store-bench")
                .header("Content-Type", "application/x-ndjson");
        if (authorization != null && !authorization.isBlank()) {
            builder.header("Authorization", authorization);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofFile(body)).build());
    }

    public Answer importJob(String id) {
        return send(request("GET", API + "/_import/" + id, null));
    }

    /** A POST to any route (the resolution figure's link and unlink). */
    public Answer post(String path, String body) {
        return send(request("POST", path, body));
    }

    /** A page of the default space's change feed after {@code since} (null: from the first change). */
    public Answer changes(String since, int size) {
        return send(request("GET", API + "/changes?size=" + size + (since == null ? "" : "&since=" + encode(since)), null));
    }

    /** A GET of any path under the server (with its query, already encoded). */
    public Answer getPath(String pathAndQuery) {
        return send(request("GET", pathAndQuery, null));
    }

    public Answer status() {
        return send(request("GET", "/api/status", null));
    }

    /** Sends and waits; an I/O failure is thrown (a crash test needs to tell "no answer" from an answer). */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends on the calling thread over {@link HttpURLConnection}, which keeps the thread's connection open
     * for its next request. The open-loop figures send this way from a pool of threads: the {@link HttpClient}'s
     * asynchronous machinery took about a core at 500 requests/s (as much CPU as the server it measured, on a
     * machine of two cores), and opened a connection for every request sent while the others were busy.
     */
    public Answer sendBlocking(HttpRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        connection.setConnectTimeout((int) Duration.ofSeconds(5).toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        connection.setRequestMethod(request.method());
        request.headers().map().forEach((name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
        byte[] body = RequestBodies.bytes(request);
        if (body.length > 0) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (var out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        // Read to the end and close: the connection then goes back to the keep-alive cache for this thread's next request.
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) {
            in.close();
        }
        return new Answer(status, text);
    }

    public CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest request(String method, String path, String body) {
        URI base = bases.get((int) Math.floorMod(turn.getAndIncrement(), (long) bases.size()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("kbn-xsrf", "entity-store-bench");
        if (authorization != null && !authorization.isBlank()) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
