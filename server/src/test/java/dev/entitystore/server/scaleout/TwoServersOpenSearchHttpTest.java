package dev.entitystore.server.scaleout;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.OnOpenSearch;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers on one OpenSearch node with one index prefix, as behind a load balancer: what is done
 * through one holds for the next request through the other (engines, installation, entities, listing),
 * concurrent writes through both lose nothing, and both take a shared credentials file's changes. Each
 * test works in a space of its own.
 */
class TwoServersOpenSearchHttpTest implements OnOpenSearch {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    private static final String ADMIN = CREDENTIALS.addKey("ops", "--spaces", "*", "--write", "--admin");
    private static final int WRITERS = 16;

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    private static HttpClientForTests first;
    private static HttpClientForTests second;
    private static ExecutorService pool;

    @BeforeAll
    static void startTheSecondServer() throws Exception {
        first = server.client();
        second = server.startPeer();
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stopThePool() {
        pool.shutdownNow();
    }

    private static Answer send(HttpClientForTests through, String method, String path, String body) {
        HttpClientForTests.Request request = through.request(method, path).header("Authorization", ADMIN);
        if (body != null) {
            request.json(body);
        }
        return request.send();
    }

    private static String v2(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    private static String v1(String space) {
        return "/s/" + space + "/api/entity_store";
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The {@code i}-th of many calls goes to one server or the other, as a round-robin balancer sends them. */
    private static HttpClientForTests balanced(int i) {
        return i % 2 == 0 ? first : second;
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(call));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void anInstallThroughOneServerTakesWritesThroughTheOtherAndAnUninstallStopsThem() {
        String space = "install-uninstall";
        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"host\"]}").status()).isEqualTo(201);
        JsonNode status = ok(send(second, "GET", v2(space) + "/status", null));
        assertThat(status.path("status").asText()).isEqualTo("running");
        assertThat(status.path("engines").get(0).path("status").asText()).isEqualTo("started");

        ok(send(second, "POST", v2(space) + "/entities/host", "{\"host\":{\"name\":\"web-1\"}}"));
        ok(send(first, "GET", v2(space) + "/entities/host/host:web-1", null));

        ok(send(second, "POST", v2(space) + "/uninstall", "{}"));
        assertThat(ok(send(first, "GET", v2(space) + "/status", null)).path("status").asText()).isEqualTo("not_installed");
        Answer refused = send(first, "POST", v2(space) + "/entities/host", "{\"host\":{\"name\":\"web-2\"}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).startsWith("Entity Store is not installed");

        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"host\"]}").status()).isEqualTo(201);
        assertThat(send(second, "GET", v2(space) + "/entities/host/host:web-1", null).status()).isEqualTo(404);
        assertThat(send(second, "GET", v2(space) + "/entities/host/host:web-2", null).status()).isEqualTo(404);
        ok(send(second, "POST", v2(space) + "/entities/host", "{\"host\":{\"name\":\"web-2\"}}"));
        ok(send(first, "GET", v2(space) + "/entities/host/host:web-2", null));
    }

    @Test
    void v1EngineChangesThroughOneServerHoldForWritesThroughTheOther() {
        String space = "v1-engines";
        String upsert = "{\"entity\":{\"id\":\"host:h1\",\"attributes\":{\"watchlists\":[\"w\"]}},\"host\":{\"name\":\"h1\"}}";
        ok(send(first, "POST", v1(space) + "/engines/host/init", "{\"fieldHistoryLength\":3}"));
        assertThat(ok(send(second, "GET", v1(space) + "/engines/host", null)).path("fieldHistoryLength").asInt()).isEqualTo(3);
        ok(send(second, "PUT", v1(space) + "/entities/host", upsert));

        ok(send(first, "POST", v1(space) + "/engines/host/stop", ""));
        assertError(send(second, "PUT", v1(space) + "/entities/host", upsert), 503, "Service Unavailable",
                "Entity Engine 'host' is not running");
        ok(send(second, "POST", v1(space) + "/engines/host/start", ""));
        ok(send(first, "PUT", v1(space) + "/entities/host", upsert));

        ok(send(second, "DELETE", v1(space) + "/engines/host?delete_data=true", null));
        assertThat(ok(send(first, "GET", v1(space) + "/status", null)).path("status").asText()).isEqualTo("not_installed");
        assertThat(send(first, "GET", v2(space) + "/entities/host/host:h1", null).status()).isIn(400, 404);
    }

    @Test
    void configUpdatesThroughOneServerAreReportedByTheOther() {
        String space = "config";
        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"host\",\"service\"]}").status()).isEqualTo(201);
        ok(send(second, "PUT", v2(space), "{\"logExtraction\":{\"frequency\":\"2m\",\"fieldHistoryLength\":5}}"));
        for (JsonNode engine : ok(send(first, "GET", v2(space) + "/status", null)).path("engines")) {
            assertThat(engine.path("frequency").asText()).isEqualTo("2m");
            assertThat(engine.path("fieldHistoryLength").asInt()).isEqualTo(5);
        }
        ok(send(first, "PUT", v2(space) + "/update/service", "{\"logExtraction\":{\"frequency\":\"20m\"}}"));
        for (JsonNode engine : ok(send(second, "GET", v2(space) + "/status", null)).path("engines")) {
            assertThat(engine.path("frequency").asText()).isEqualTo("service".equals(engine.path("type").asText()) ? "20m" : "2m");
        }
    }

    @Test
    void concurrentInstallsThroughBothServersAnswerOne201() throws Exception {
        for (int round = 0; round < 3; round++) {
            String space = "install-race-" + round;
            List<Callable<Integer>> installs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HttpClientForTests through = balanced(i);
                installs.add(() -> send(through, "POST", v2(space) + "/install", "{\"entityTypes\":[\"user\"]}").status());
            }
            List<Integer> statuses = all(installs);
            assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(1);
            assertThat(statuses).containsOnly(200, 201);
        }
    }

    @Test
    void aStopAndAConfigUpdateThroughDifferentServersAtOnceBothHold() throws Exception {
        String space = "stop-and-config";
        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"host\",\"user\"]}").status()).isEqualTo(201);
        for (int round = 1; round <= 4; round++) {
            String frequency = (round + 1) + "m";
            List<Integer> statuses = all(List.of(
                    () -> send(first, "PUT", v2(space) + "/stop", "{\"entityTypes\":[\"host\"]}").status(),
                    () -> send(second, "PUT", v2(space), "{\"logExtraction\":{\"frequency\":\"" + frequency + "\"}}").status()));
            assertThat(statuses).containsOnly(200);
            for (JsonNode engine : ok(send(balanced(round), "GET", v2(space) + "/status", null)).path("engines")) {
                String type = engine.path("type").asText();
                assertThat(engine.path("status").asText()).as(type).isEqualTo("host".equals(type) ? "stopped" : "started");
                assertThat(engine.path("frequency").asText()).as(type).isEqualTo(frequency);
            }
            ok(send(second, "PUT", v2(space) + "/start", "{\"entityTypes\":[\"host\"]}"));
        }
    }

    /**
     * {@link #WRITERS} writers, every other one through each server, each making {@code writes} PUTs to
     * {@code path} with {@code body.apply(writer, i)}, all at once; answers every status seen.
     */
    private static Set<Integer> writeSplitAcrossServers(int writes, BiFunction<Integer, Integer, String> body, String path)
            throws Exception {
        List<Callable<Set<Integer>>> writers = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            int writer = t;
            HttpClientForTests through = balanced(t);
            writers.add(() -> {
                Set<Integer> statuses = new HashSet<>();
                for (int i = 0; i < writes; i++) {
                    statuses.add(send(through, "PUT", path, body.apply(writer, i)).status());
                }
                return statuses;
            });
        }
        Set<Integer> statuses = new HashSet<>();
        all(writers).forEach(statuses::addAll);
        return statuses;
    }

    @Test
    void sixteenForcedWritersSplitAcrossServersLoseNoField() throws Exception {
        String space = "forced-writers";
        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"host\"]}").status()).isEqualTo(201);
        ok(send(first, "POST", v2(space) + "/entities/host", "{\"host\":{\"name\":\"contended\"}}"));
        int updates = 10;
        assertThat(writeSplitAcrossServers(updates, (writer, i) -> "{\"host\":{\"name\":\"contended\"},\"labels\":{\"t"
                + writer + "\":" + (i + 1) + "}}", v2(space) + "/entities/host?force=true")).containsOnly(200);
        for (HttpClientForTests through : List.of(first, second)) {
            JsonNode labels = ok(send(through, "GET", v2(space) + "/entities/host/host:contended", null)).path("labels");
            for (int t = 0; t < WRITERS; t++) {
                assertThat(labels.path("t" + t).asInt()).as("label t" + t).isEqualTo(updates);
            }
        }
    }

    @Test
    void sixteenV1WritersOfCollectedValuesSplitAcrossServersLoseNone() throws Exception {
        String space = "collect-writers";
        int perWriter = 3;
        ok(send(first, "POST", v1(space) + "/engines/generic/init", "{\"fieldHistoryLength\":" + (WRITERS * perWriter) + "}"));
        assertThat(writeSplitAcrossServers(perWriter, (writer, i) -> "{\"entity\":{\"id\":\"shared\",\"attributes\":"
                + "{\"watchlists\":[\"t" + writer + "-" + i + "\"]}}}", v1(space) + "/entities/generic")).containsOnly(200);
        Set<String> stored = new HashSet<>();
        ok(send(second, "GET", v2(space) + "/entities/generic/shared", null)).at("/entity/attributes/watchlists")
                .forEach(value -> stored.add(value.asText()));
        assertThat(stored).hasSize(WRITERS * perWriter);
    }

    @Test
    void concurrentCreatesOfOneEuidThroughBothServersCreateItOnce() throws Exception {
        String space = "create-race";
        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"generic\"]}").status()).isEqualTo(201);
        for (int round = 0; round < 3; round++) {
            String id = "raced-" + round;
            List<Callable<Answer>> creates = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                HttpClientForTests through = balanced(t);
                String body = "{\"entity\":{\"id\":\"" + id + "\",\"attributes\":{\"watchlists\":[\"by-" + t + "\"]}}}";
                creates.add(() -> send(through, "POST", v2(space) + "/entities/generic", body));
            }
            List<Answer> answers = all(creates);
            List<Answer> created = answers.stream().filter(a -> a.status() == 200).toList();
            assertThat(created).hasSize(1);
            for (Answer answer : answers) {
                if (answer.status() != 200) {
                    assertError(answer, 409, "Conflict", "Entity ID '" + id + "' already exists");
                }
            }
            JsonNode stored = ok(send(second, "GET", v2(space) + "/entities/generic/" + id, null));
            assertThat(stored.at("/entity/attributes/watchlists")).hasSize(1);
        }
    }

    @Test
    void aWriteAnsweredByOneServerIsListedByTheOther() {
        String space = "listing";
        assertThat(send(first, "POST", v2(space) + "/install", "{\"entityTypes\":[\"generic\"]}").status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            HttpClientForTests writer = balanced(i);
            HttpClientForTests reader = balanced(i + 1);
            ok(send(writer, "POST", v2(space) + "/entities/generic", "{\"entity\":{\"id\":\"seen-" + i + "\"}}"));
            assertThat(listedIds(reader, space, "entity.id: seen-" + i)).containsExactly("seen-" + i);
            ok(send(reader, "PUT", v2(space) + "/entities/generic",
                    "{\"entity\":{\"id\":\"seen-" + i + "\",\"attributes\":{\"watchlists\":[\"w" + i + "\"]}}}"));
            assertThat(listedIds(writer, space, "entity.attributes.watchlists: w" + i)).containsExactly("seen-" + i);
        }
        assertThat(ok(send(second, "GET", v2(space) + "/entities?per_page=100", null)).path("total").asInt()).isEqualTo(10);
    }

    private static List<String> listedIds(HttpClientForTests through, String space, String filter) {
        String query = "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
        List<String> ids = new ArrayList<>();
        ok(send(through, "GET", v2(space) + "/entities" + query, null)).path("entities")
                .forEach(entity -> ids.add(entity.at("/entity/id").asText()));
        return ids;
    }

    @Test
    void aKeyAddedToTheSharedCredentialsFileWorksOnBothServersAndARemovedOneOnNeither() throws Exception {
        String added = CREDENTIALS.addKey("added-later", "--spaces", "default", "--read-only");
        awaitStatus(first, added, 200);
        awaitStatus(second, added, 200);
        String id = new String(Base64.getDecoder().decode(added.substring("ApiKey ".length())), StandardCharsets.UTF_8).split(":")[0];
        CREDENTIALS.run("remove", "--id", id, "--file", CREDENTIALS.file().toString());
        awaitStatus(first, added, 401);
        awaitStatus(second, added, 401);
    }

    /** Each server looks at the file at most once a second. */
    private static void awaitStatus(HttpClientForTests through, String authorization, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int seen;
        do {
            seen = through.request("GET", "/api/security/entity_store/status").header("Authorization", authorization).send().status();
            if (seen == status) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(seen).isEqualTo(status);
    }
}
