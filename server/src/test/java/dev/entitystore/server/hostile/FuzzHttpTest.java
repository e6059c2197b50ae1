package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9's fuzz test: thousands of seeded hostile requests ({@link FuzzCases}) to every route of the
 * contract. Each answer must be a 2xx or a 4xx in Kibana's body (status repeated, no stack trace, no Java
 * name), and a refused write must leave the store as it was (read through list and status before and
 * after). Bounded by a case count and a time budget, whichever comes first.
 *
 * <p>Replay or widen: {@code -Dfuzz.seed=N -Dfuzz.cases=N -Dfuzz.seconds=N}. The seed is printed.
 */
class FuzzHttpTest {
    /** A small bulk cap, so that the fuzzer's bulk bodies reach it. */
    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_MAX_BULK_ITEMS", "50"));

    private static final List<String> SPACES = List.of("default", "fuzz");
    private static final int MAX_FAILURES = 15;

    @Test
    void hostileRequestsAnswerKibanasBodyAndRefusedOnesChangeNothing() {
        long seed = Long.getLong("fuzz.seed", 20_250_909L);
        int maxCases = Integer.getInteger("fuzz.cases", 3_000);
        long budgetNanos = Long.getLong("fuzz.seconds", 45L) * 1_000_000_000L;
        RawClient client = new RawClient(server.port());
        FuzzCases cases = new FuzzCases(seed);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byMutation = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        populate(client);
        JsonNode content = StoreContent.read(client, SPACES);
        long started = System.nanoTime();
        int run = 0;
        while (run < maxCases && System.nanoTime() - started < budgetNanos && failures.size() < MAX_FAILURES) {
            FuzzCases.Case request = cases.next();
            run++;
            try {
                RawClient.Answer answer = client.send(request.method(), request.pathAndQuery(), request.body(), request.headers());
                byStatus.merge(answer.status(), 1, Integer::sum);
                byMutation.merge(request.mutation().replaceAll("\\+.*", ""), 1, Integer::sum);
                boolean accepted = answer.status() < 300;
                if (request.writes() && !accepted) {
                    JsonNode after = StoreContent.read(client, SPACES);
                    assertThat(after).as("store changed by a refused request").isEqualTo(content);
                } else if (request.writes()) {
                    content = StoreContent.read(client, SPACES);
                }
                if (run % 400 == 0) {
                    populate(client); // an accepted uninstall empties a space; keep something to protect
                    content = StoreContent.read(client, SPACES);
                }
            } catch (AssertionError | RuntimeException e) {
                failures.add("case " + run + " (seed " + seed + "): " + request.describe() + "\n    " + firstLine(e));
                content = StoreContent.read(client, SPACES);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Fuzz: seed %d, %d cases in %d ms; by status %s; by mutation %s%n",
                seed, run, millis, byStatus, byMutation);
        assertThat(failures).as("fuzz failures (replay with -Dfuzz.seed=" + seed + ")").isEmpty();
        assertThat(run).as("cases run").isGreaterThan(100);
    }

    /** Installs both spaces and writes a few entities through v2 and v1. */
    private static void populate(RawClient client) {
        for (String space : SPACES) {
            String prefix = space.equals("default") ? "" : "/s/" + space;
            client.write("POST", prefix + "/api/security/entity_store/install", "{}");
            client.write("POST", prefix + "/api/entity_store/engines/host/init", "{}");
            client.write("POST", prefix + "/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"fz-1\"}}");
            client.write("POST", prefix + "/api/security/entity_store/entities/user",
                    "{\"user\":{\"name\":\"fz\",\"email\":\"fz@x\"},\"entity\":{\"id\":\"user:fz@x\"}}");
            client.write("PUT", prefix + "/api/entity_store/entities/host", "{\"entity\":{\"id\":\"host:fz-2\"}}");
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n', 300);
        return newline < 0 ? message : message.substring(0, newline);
    }
}
