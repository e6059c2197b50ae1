package dev.entitystore.bench.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.server.ServerProcess;
import dev.entitystore.domain.entity.EntityType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed single updates ({@code Idempotency-Key}) while the packaged server is killed with SIGKILL at random
 * moments; after each restart every key sent is sent again with its request: an acknowledged one must replay
 * its answer (same ETag and body, {@code Idempotent-Replayed: true}), one cut short by the kill either replays or
 * runs now; and then every key has been applied exactly once: each target's history holds its create and one
 * change per key sent to it, no more (a write applied again by its retry would add one). Embedded store.
 *
 * <p>The moments come from a seed printed at the start; rerun one with {@code -Dcrash.seed=<seed>}.
 */
class KeyedWritesCrashIT {
    private static final Path JAR = Path.of(System.getProperty("server.jar", "../server/target/entity-store-server.jar"));
    private static final Path SERVER_LOG = Path.of("target", "keyed-crash-server.log");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TARGETS = 40;
    private static final int WRITERS = 4;
    private static final int ROUNDS = 4;

    @TempDir
    Path dataDir;

    // HTTP/1.1 as the server speaks it: the default first asks for an h2c upgrade, which a PUT with a body does not survive.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A keyed update sent: its answer's status and ETag, or -1 while none came (the kill cut it short). */
    private static final class Sent {
        final String key;
        final String target;
        final String body;
        volatile int status = -1;
        volatile String etag;
        volatile String answer;

        Sent(String key, String target, String body) {
            this.key = key;
            this.target = target;
            this.body = body;
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyKeyIsAppliedOnceAndEveryAcknowledgedKeyReplaysAfterSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("[keyed-crash] seed %d, %d rounds (rerun with -Dcrash.seed=%d)%n", seed, ROUNDS, seed);
        Random random = new Random(seed);
        List<String> targets = new ArrayList<>();
        Map<String, Integer> keysPerTarget = new HashMap<>();
        ServerProcess server = start();
        try {
            EntityStoreClient client = new EntityStoreClient(server.baseUri(), null);
            assertThat(client.install("host").status()).isEqualTo(201);
            EntityRecords records = EntityRecords.of(EntityType.HOST);
            for (int n = 0; n < TARGETS; n++) {
                assertThat(client.create("host", records.create(n, new Random(n)).toString()).status()).isEqualTo(200);
                targets.add(records.euid(n));
                keysPerTarget.put(records.euid(n), 0);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger acknowledged = new AtomicInteger();
                List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    // Each writer has targets of its own, so a target's keys are applied in the order sent.
                    List<String> own = new ArrayList<>();
                    for (int t = w; t < targets.size(); t += WRITERS) {
                        own.add(targets.get(t));
                    }
                    String writer = "r" + round + "w" + w;
                    ServerProcess running = server;
                    Thread thread = new Thread(() -> write(running, writer, own, sent, stop, acknowledged, unexpected), writer);
                    thread.start();
                    writers.add(thread);
                }
                awaitAcknowledged(acknowledged, 50);
                Thread.sleep(random.nextInt(1_500));
                server.kill();
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join();
                }
                assertThat(unexpected).as("answers before the kill").isEmpty();

                server = start();
                List<String> violations = new ArrayList<>();
                int replayed = 0;
                int cutShort = 0;
                for (Sent write : List.copyOf(sent)) {
                    HttpResponse<String> retry = send(server, write);
                    boolean replay = "true".equals(retry.headers().firstValue("Idempotent-Replayed").orElse(null));
                    if (write.status == 200) {
                        if (retry.statusCode() != 200 || !replay || !write.etag.equals(retry.headers().firstValue("ETag").orElse(null))
                                || !write.answer.equals(retry.body())) {
                            violations.add(write.key + " was acknowledged (ETag " + write.etag + ") but its retry answered "
                                    + retry.statusCode() + ", replayed " + replay + ", ETag " + retry.headers().firstValue("ETag")
                                    + ": " + retry.body());
                        }
                        replayed++;
                    } else {
                        cutShort++;
                        if (retry.statusCode() != 200) {
                            violations.add(write.key + " was cut short by the kill; its retry answered " + retry.statusCode()
                                    + ": " + retry.body());
                        }
                    }
                    keysPerTarget.merge(write.target, 1, Integer::sum);
                }
                for (String target : targets) {
                    int changes = historyLength(server, target);
                    if (changes != 1 + keysPerTarget.get(target)) {
                        violations.add(target + " has " + changes + " changes, but was created once and sent "
                                + keysPerTarget.get(target) + " keys");
                    }
                }
                System.out.printf("[keyed-crash] round %d: %d keys sent, %d acknowledged and replayed, %d cut short; %d violations%n",
                        round, sent.size(), replayed, cutShort, violations.size());
                assertThat(violations).as("after the kill of round %d (seed %d)", round, seed).isEmpty();
            }
        } finally {
            server.close();
        }
    }

    private void write(ServerProcess server, String writer, List<String> own, List<Sent> sent, AtomicBoolean stop,
                       AtomicInteger acknowledged, List<String> unexpected) {
        for (int n = 0; !stop.get(); n++) {
            String target = own.get(n % own.size());
            ObjectNode doc = JSON.createObjectNode();
            doc.putObject("entity").put("id", target);
            doc.putObject("labels").put("keyed", writer + "-" + n);
            Sent write = new Sent(writer + "-" + n, target, doc.toString());
            sent.add(write);
            HttpResponse<String> answer;
            try {
                answer = http.send(request(server, write), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return; // the kill: this key has no answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (answer.statusCode() == 200) {
                write.etag = answer.headers().firstValue("ETag").orElse("(none)");
                write.answer = answer.body();
                write.status = 200;
                acknowledged.incrementAndGet();
            } else {
                unexpected.add(write.key + " answered " + answer.statusCode() + ": " + answer.body());
                return;
            }
        }
    }

    private HttpResponse<String> send(ServerProcess server, Sent write) throws IOException, InterruptedException {
        return http.send(request(server, write), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(ServerProcess server, Sent write) {
        HttpRequest update = new EntityStoreClient(server.baseUri(), null).updateRequest("host", write.body, true);
        return HttpRequest.newBuilder(update, (name, value) -> true).header("Idempotency-Key", write.key).build();
    }

    /** How many changes the target's history holds, all pages. */
    private int historyLength(ServerProcess server, String target) throws IOException, InterruptedException {
        EntityStoreClient client = new EntityStoreClient(server.baseUri(), null);
        String path = EntityStoreClient.API + "/entities/host/" + EntityStoreClient.encode(target) + "/history?size=100";
        int changes = 0;
        String cursor = null;
        while (true) {
            EntityStoreClient.Answer page = client.getPath(path + (cursor == null ? "" : "&searchAfter=" + EntityStoreClient.encode(cursor)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(page.body());
            changes += json.path("changes").size();
            JsonNode next = json.path("nextSearchAfter");
            if (json.path("changes").isEmpty() || next.isMissingNode() || next.isNull()) {
                return changes;
            }
            cursor = next.isTextual() ? next.asText() : next.toString();
        }
    }

    private ServerProcess start() {
        return ServerProcess.start(JAR, dataDir, List.of("-Xmx512m"), List.of(), Map.of(), SERVER_LOG, 180);
    }

    private static void awaitAcknowledged(AtomicInteger acknowledged, int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.get() < writes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acknowledged.get()).as("keyed writes acknowledged before the kill").isGreaterThanOrEqualTo(writes);
    }
}
