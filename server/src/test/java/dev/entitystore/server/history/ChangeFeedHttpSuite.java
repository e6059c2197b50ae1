package dev.entitystore.server.history;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change feed {@code GET /api/security/entity_store/changes}: store order from a cursor, one space's
 * changes only, the type filter, the long poll, server-sent events resumable with {@code Last-Event-ID},
 * persistence across a restart, and a follower from the start rebuilding exactly the current records.
 * Each test writes in a space of its own.
 */
abstract class ChangeFeedHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();

    static HttpClientForTests client() {
        return server.client();
    }

    static String install(String space) {
        String prefix = "/s/" + space + "/api/security/entity_store";
        Answer answer = client().post(prefix + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        return prefix;
    }

    static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static void createHost(String v2, String name, String ip) {
        ok(client().post(v2 + "/entities/host", "{\"host\":{\"name\":\"" + name + "\",\"ip\":[\"" + ip + "\"]}}"));
    }

    static JsonNode feed(String v2, String query) {
        Answer answer = client().get(v2 + "/changes" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static List<String> ops(JsonNode page) {
        List<String> ops = new ArrayList<>();
        page.path("changes").forEach(c -> ops.add(c.path("op").asText() + " " + c.path("entityId").asText()));
        return ops;
    }

    @Test
    void theFeedAnswersTheSpacesChangesInStoreOrderAndGoesOnFromItsCursor() {
        String v2 = install("feed-order");
        createHost(v2, "a", "10.0.0.1");
        ok(client().put(v2 + "/entities/host", "{\"entity\":{\"id\":\"host:a\",\"attributes\":{\"managed\":true}}}"));
        createHost(v2, "b", "10.0.0.2");
        JsonNode first = feed(v2, "?size=2");
        assertThat(ops(first)).containsExactly("create host:a", "update host:a");
        assertThat(first.at("/changes/1/fields/entity.attributes.managed/after").asBoolean()).isTrue();
        assertThat(first.at("/changes/0/seq").asLong()).isLessThan(first.at("/changes/1/seq").asLong());
        assertThat(first.path("next").asText()).isEqualTo(first.at("/changes/1/seq").asText());
        JsonNode second = feed(v2, "?since=" + first.path("next").asText());
        assertThat(ops(second)).containsExactly("create host:b");
        JsonNode third = feed(v2, "?since=" + second.path("next").asText());
        assertThat(third.path("changes")).isEmpty();
        assertThat(third.path("next").asText()).isEqualTo(second.path("next").asText());
    }

    @Test
    void anotherSpacesChangesAndOtherTypesAreLeftOut() {
        String mine = install("feed-mine");
        String theirs = install("feed-theirs");
        createHost(theirs, "theirs", "10.0.0.9");
        createHost(mine, "mine", "10.0.0.1");
        ok(client().post(mine + "/entities/service", "{\"service\":{\"name\":\"jane\"}}"));
        assertThat(ops(feed(mine, ""))).containsExactly("create host:mine", "create service:jane");
        assertThat(ops(feed(mine, "?entity_types=service"))).containsExactly("create service:jane");
        assertThat(ops(feed(mine, "?entity_types=user,host"))).containsExactly("create host:mine");
        assertThat(ops(feed(theirs, ""))).containsExactly("create host:theirs");
    }

    @Test
    void badParametersAre400() {
        String v2 = "/api/security/entity_store";
        assertError(client().get(v2 + "/changes?since=abc"), 400, "Bad Request",
                "[request query]: since: expected the next cursor of a previous answer, got 'abc'");
        assertError(client().get(v2 + "/changes?since=-2"), 400, "Bad Request",
                "[request query]: since: expected the next cursor of a previous answer, got '-2'");
        assertError(client().get(v2 + "/changes?entity_types=host,nope"), 400, "Bad Request",
                "[request query]: entity_types: expected one of user, host, service, generic, got 'nope'");
        assertThat(client().get(v2 + "/changes?size=0").status()).isEqualTo(400);
        assertThat(client().get(v2 + "/changes?size=1001").status()).isEqualTo(400);
        assertThat(client().get(v2 + "/changes?wait=61").status()).isEqualTo(400);
    }

    @Test
    void aLongPollAnswersTheNextChangeAsSoonAsItIsWritten() throws Exception {
        String v2 = install("feed-wait");
        String since = feed(v2, "").path("next").asText();
        long started = System.nanoTime();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> feed(v2, "?wait=20&since=" + since));
        Thread.sleep(500);
        assertThat(waiting).isNotDone();
        createHost(v2, "late", "10.0.0.3");
        JsonNode page = waiting.get(15, TimeUnit.SECONDS);
        assertThat(ops(page)).containsExactly("create host:late");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        long before = System.nanoTime();
        JsonNode empty = feed(v2, "?wait=1&since=" + page.path("next").asText());
        assertThat(empty.path("changes")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void anEventStreamSendsTheSameChangesAndResumesAfterLastEventId() throws Exception {
        String v2 = install("feed-sse");
        createHost(v2, "s1", "10.0.0.1");
        createHost(v2, "s2", "10.0.0.2");
        List<String> ids = new ArrayList<>();
        try (EventStream stream = EventStream.open(v2, null)) {
            assertThat(stream.contentType()).startsWith("text/event-stream");
            JsonNode first = stream.next(ids);
            JsonNode second = stream.next(ids);
            assertThat(first.path("entityId").asText()).isEqualTo("host:s1");
            assertThat(second.path("entityId").asText()).isEqualTo("host:s2");
            createHost(v2, "s3", "10.0.0.3");
            assertThat(stream.next(ids).path("entityId").asText()).isEqualTo("host:s3");
        }
        assertThat(ids).isEqualTo(feed(v2, "").findValuesAsText("seq"));
        try (EventStream resumed = EventStream.open(v2, ids.get(0))) {
            assertThat(resumed.next(new ArrayList<>()).path("entityId").asText()).isEqualTo("host:s2");
        }
    }

    @Test
    void theFeedSurvivesARestart() {
        String v2 = install("feed-restart");
        createHost(v2, "r1", "10.0.0.1");
        JsonNode before = feed(v2, "");
        server.stop();
        server.start();
        assertThat(feed(v2, "")).isEqualTo(before);
        createHost(v2, "r2", "10.0.0.2");
        assertThat(ops(feed(v2, "?since=" + before.path("next").asText()))).containsExactly("create host:r2");
    }

    @Test
    void followingTheFeedFromTheStartRebuildsTheCurrentRecords() throws IOException {
        String v2 = install("feed-rebuild");
        createHost(v2, "keep", "10.0.0.1");
        createHost(v2, "gone", "10.0.0.2");
        ok(client().post(v2 + "/entities/service", "{\"service\":{\"name\":\"ann\"}}"));
        ok(client().put(v2 + "/entities/host?force=true", "{\"entity\":{\"id\":\"host:keep\",\"attributes\":{\"managed\":true}},"
                + "\"host\":{\"ip\":[\"10.0.0.7\",\"10.0.0.8\"]}}"));
        ok(client().put(v2 + "/entities/bulk?force=true", "{\"entities\":[{\"type\":\"host\",\"doc\":{\"entity\":{\"id\":"
                + "\"host:keep\",\"attributes\":{\"managed\":false}}}},{\"type\":\"service\",\"doc\":{\"entity\":{\"id\":"
                + "\"service:ann\",\"attributes\":{\"managed\":true}}}}]}"));
        ok(client().request("DELETE", v2 + "/entities/").json("{\"entityId\":\"host:gone\"}").send());
        createHost(v2, "late", "10.0.0.3");

        Map<String, Map<String, JsonNode>> rebuilt = new TreeMap<>();
        String since = null;
        while (true) {
            JsonNode page = feed(v2, "?size=2" + (since == null ? "" : "&since=" + since));
            for (JsonNode change : page.path("changes")) {
                apply(rebuilt, change);
            }
            since = page.path("next").asText();
            if (page.path("changes").isEmpty()) {
                break;
            }
        }

        Map<String, Map<String, JsonNode>> current = new TreeMap<>();
        Answer list = client().get(v2 + "/entities?size=100");
        ok(list);
        for (JsonNode entity : list.json().path("entities")) {
            current.put(entity.path("entity").path("id").asText(), leaves((ObjectNode) entity));
        }
        assertThat(current).containsOnlyKeys("host:keep", "service:ann", "host:late");
        assertThat(rebuilt).isEqualTo(current);
    }

    private static void apply(Map<String, Map<String, JsonNode>> records, JsonNode change) {
        String id = change.path("entityId").asText();
        if ("delete".equals(change.path("op").asText())) {
            records.remove(id);
            return;
        }
        Map<String, JsonNode> record = records.computeIfAbsent(id, k -> new TreeMap<>());
        Iterator<Map.Entry<String, JsonNode>> fields = change.path("fields").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().has("after")) {
                record.put(field.getKey(), field.getValue().get("after"));
            } else {
                record.remove(field.getKey());
            }
        }
    }

    /** The record's leaves by flattened path, arrays whole (as the change records compare them). */
    private static Map<String, JsonNode> leaves(ObjectNode record) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect("", record, leaves);
        return leaves;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), leaves));
        } else {
            leaves.put(prefix, node);
        }
    }

    /** A raw event-stream reader: the contract check of the test client reads whole bodies, a stream never ends. */
    static final class EventStream implements AutoCloseable {
        private final HttpResponse<InputStream> response;
        private final BufferedReader lines;

        private EventStream(HttpResponse<InputStream> response) {
            this.response = response;
            this.lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        static EventStream open(String v2, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + v2 + "/changes"))
                    .header("Accept", "text/event-stream").GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            return new EventStream(response);
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next change event's data; its id added to {@code ids}. */
        JsonNode next(List<String> ids) throws Exception {
            CompletableFuture<JsonNode> event = CompletableFuture.supplyAsync(() -> {
                try {
                    String id = null;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("data: ")) {
                            assertThat(id).isNotNull();
                            ids.add(id);
                            return JSON.readTree(line.substring(6));
                        }
                    }
                    throw new AssertionError("the stream ended");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            return event.get(15, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
