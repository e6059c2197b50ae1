package dev.entitystore.server.idempotency;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Idempotency-Key} on the v2 and v1 entity writes: a retry with the same key and request gets the first
 * answer (status, body, {@code ETag}, marked {@code Idempotent-Replayed}) and applies nothing, also after a
 * restart; the same key with another request → 422, while the first is served → 409; keys are per space and
 * per credential; a failed request keeps no key; requests without one behave as before.
 */
abstract class IdempotencyHttpSuite {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    static final String ADMIN = CREDENTIALS.addKey("idempotency-admin", "--spaces", "*", "--admin");
    static final String OTHER_WRITER = CREDENTIALS.addKey("idempotency-other", "--spaces", "*", "--write");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    static final String V2 = "/api/security/entity_store";
    static final String V1 = "/api/entity_store";

    @BeforeAll
    static void install() {
        for (String space : List.of("", "/s/idem-other")) {
            Answer installed = send(ADMIN, "POST", space + V2 + "/install", "{}", null);
            assertThat(installed.status()).as(installed.body()).isIn(200, 201);
        }
        Answer enabled = send(ADMIN, "POST", V1 + "/enable", "{}", null);
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    }

    static Answer send(String credential, String method, String path, String body, String key) {
        var request = server.client().request(method, path).header("Authorization", credential);
        if (body != null) {
            request = request.json(body);
        }
        return (key == null ? request : request.header("Idempotency-Key", key)).send();
    }

    static Answer send(String method, String path, String body, String key) {
        return send(ADMIN, method, path, body, key);
    }

    static String host(String name) {
        return "{\"host\":{\"name\":\"" + name + "\"}}";
    }

    static String managed(String name, boolean managed) {
        return "{\"entity\":{\"id\":\"host:" + name + "\",\"attributes\":{\"managed\":" + managed + "}}}";
    }

    static int changes(String name) {
        Answer history = send("GET", V2 + "/entities/host/host%3A" + name + "/history", null, null);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        return history.json().path("changes").size();
    }

    static String version(String name) {
        Answer stored = send("GET", V2 + "/entities/host/host%3A" + name, null, null);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        return stored.header("ETag");
    }

    static void assertReplayOf(Answer replay, Answer first) {
        assertThat(replay.status()).as(replay.body()).isEqualTo(first.status());
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRetriedCreateGetsTheFirstAnswerAndCreatesOnce() {
        Answer first = send("POST", V2 + "/entities/host", host("idem-create"), "create-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertReplayOf(send("POST", V2 + "/entities/host", host("idem-create"), "create-1"), first);
        assertThat(changes("idem-create")).isEqualTo(1);
        assertError(send("POST", V2 + "/entities/host", host("idem-create"), null), 409, "Conflict",
                "Entity ID 'host:idem-create' already exists");
    }

    @Test
    void aRetriedUpdateIsNotAppliedAgain() {
        send("POST", V2 + "/entities/host", host("idem-update"), null);
        Answer first = send("PUT", V2 + "/entities/host", managed("idem-update", true), "update-1");
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertReplayOf(send("PUT", V2 + "/entities/host", managed("idem-update", true), "update-1"), first);
        assertThat(version("idem-update")).isEqualTo("\"2\"");
        assertThat(changes("idem-update")).isEqualTo(2);
    }

    @Test
    void retriedBulksOfBothGenerationsAreNotAppliedAgain() {
        send("POST", V2 + "/entities/host", host("idem-bulk"), null);
        String v2Bulk = "{\"entities\":[{\"type\":\"host\",\"doc\":" + managed("idem-bulk", true) + "},"
                + "{\"type\":\"host\",\"doc\":" + managed("idem-bulk-missing", true) + "}]}";
        Answer first = send("PUT", V2 + "/entities/bulk", v2Bulk, "bulk-v2");
        assertThat(first.json().path("errors")).hasSize(1);
        assertReplayOf(send("PUT", V2 + "/entities/bulk", v2Bulk, "bulk-v2"), first);
        assertThat(changes("idem-bulk")).isEqualTo(2);

        String v1Bulk = "{\"entities\":[{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:idem-bulk\"},"
                + "\"host\":{\"name\":\"idem-bulk\",\"ip\":[\"10.0.0.9\"]}}}]}";
        for (String method : List.of("PUT", "POST")) {
            Answer v1First = send(method, V1 + "/entities/bulk?force=true", v1Bulk, "bulk-v1-" + method);
            assertThat(v1First.status()).as(v1First.body()).isEqualTo(200);
            assertReplayOf(send(method, V1 + "/entities/bulk?force=true", v1Bulk, "bulk-v1-" + method), v1First);
        }
        assertThat(changes("idem-bulk")).isEqualTo(4);
    }

    @Test
    void aRetriedV1UpsertAnswersTheFirstRecordAndVersion() {
        String record = "{\"entity\":{\"id\":\"host:idem-v1\"},\"host\":{\"name\":\"idem-v1\",\"ip\":[\"10.0.0.8\"]}}";
        Answer first = send("PUT", V1 + "/entities/host?force=true", record, "v1-upsert");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertReplayOf(send("PUT", V1 + "/entities/host?force=true", record, "v1-upsert"), first);
        assertThat(version("idem-v1")).isEqualTo(first.header("ETag"));
        assertThat(changes("idem-v1")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndAppliesNothing() {
        send("POST", V2 + "/entities/host", host("idem-reuse"), null);
        assertThat(send("PUT", V2 + "/entities/host", managed("idem-reuse", true), "reuse-1").status()).isEqualTo(200);
        String message = "Idempotency-Key 'reuse-1' was already used for a different request; a new request needs a new key";
        assertError(send("PUT", V2 + "/entities/host", managed("idem-reuse", false), "reuse-1"), 422,
                "Unprocessable Entity", message);
        assertError(send("PUT", V2 + "/entities/host?force=true", managed("idem-reuse", true), "reuse-1"), 422,
                "Unprocessable Entity", message);
        assertError(send("POST", V2 + "/entities/host", host("idem-reuse-2"), "reuse-1"), 422, "Unprocessable Entity",
                message);
        assertThat(version("idem-reuse")).isEqualTo("\"2\"");
        assertError(send("GET", V2 + "/entities/host/host%3Aidem-reuse-2", null, null), 404, "Not Found",
                "Entity ID 'host:idem-reuse-2' not found");
    }

    @Test
    void keysArePerSpaceAndPerCredential() {
        Answer first = send("POST", V2 + "/entities/host", host("idem-scope"), "scope-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Answer otherSpace = send("POST", "/s/idem-other" + V2 + "/entities/host", host("idem-scope"), "scope-1");
        assertThat(otherSpace.status()).as(otherSpace.body()).isEqualTo(200);
        assertThat(otherSpace.header("Idempotent-Replayed")).isNull();
        // Another caller's same key and body is its own request: it runs, and finds the entity there.
        assertError(send(OTHER_WRITER, "POST", V2 + "/entities/host", host("idem-scope"), "scope-1"), 409, "Conflict",
                "Entity ID 'host:idem-scope' already exists");
    }

    @Test
    void aFailedRequestKeepsNoKeyAndItsRetryRunsAgain() {
        assertError(send("PUT", V2 + "/entities/host", managed("idem-late", true), "late-1"), 404, "Not Found",
                "Entity ID 'host:idem-late' not found");
        send("POST", V2 + "/entities/host", host("idem-late"), null);
        Answer retry = send("PUT", V2 + "/entities/host", managed("idem-late", true), "late-1");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.header("ETag")).isEqualTo("\"2\"");
        assertThat(retry.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aKeyMustBeOneToTwoHundredFiftyFivePrintableCharacters() {
        for (String bad : List.of("", "x".repeat(256))) {
            assertError(send("POST", V2 + "/entities/host", host("idem-bad-key"), bad), 400, "Bad Request",
                    "[request headers]: Idempotency-Key: expected 1 to 255 printable ASCII characters");
        }
        assertError(send("GET", V2 + "/entities/host/host%3Aidem-bad-key", null, null), 404, "Not Found",
                "Entity ID 'host:idem-bad-key' not found");
    }

    @Test
    void concurrentDuplicatesApplyOnce() throws Exception {
        send("POST", V2 + "/entities/host", host("idem-race"), null);
        int senders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Callable<Answer>> retries = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                retries.add(() -> send("PUT", V2 + "/entities/host", managed("idem-race", true), "race-1"));
            }
            for (Future<Answer> answer : pool.invokeAll(retries)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long applied = answers.stream().filter(a -> a.status() == 200 && a.header("Idempotent-Replayed") == null).count();
        assertThat(applied).isEqualTo(1);
        for (Answer answer : answers) {
            if (answer.status() == 409) {
                assertError(answer, 409, "Conflict",
                        "A request with Idempotency-Key 'race-1' is still being served; retry once it has been answered");
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.header("ETag")).isEqualTo("\"2\"");
            }
        }
        assertThat(changes("idem-race")).isEqualTo(2);
    }

    @Test
    void aRecordedAnswerSurvivesARestart() {
        Answer first = send("POST", V2 + "/entities/host", host("idem-restart"), "restart-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        server.stop();
        server.start();
        assertReplayOf(send("POST", V2 + "/entities/host", host("idem-restart"), "restart-1"), first);
        assertThat(changes("idem-restart")).isEqualTo(1);
    }
}
