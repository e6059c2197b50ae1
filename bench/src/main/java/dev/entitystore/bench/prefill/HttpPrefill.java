package dev.entitystore.bench.prefill;

import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.Population;
import dev.entitystore.bench.scenario.ClosedLoopLoad;
import dev.entitystore.bench.scenario.Operation;
import dev.entitystore.bench.scenario.Results;
import java.util.Random;

/**
 * Fills a running server (either backend) with a population through v2 creates, {@code clients} at a
 * time: the way to pre-fill a backend the kit cannot write directly (OpenSearch).
 */
public final class HttpPrefill {
    private HttpPrefill() {
    }

    public static void run(EntityStoreClient client, Population population, int clients) throws Exception {
        EntityStoreClient.Answer installed = client.install(population.typeNames());
        if (!installed.ok()) {
            throw new IllegalStateException("install answered " + installed.status() + ": " + installed.body());
        }
        Results results = new Results();
        long started = System.nanoTime();
        new ClosedLoopLoad(client, clients).run(k -> {
            EntityRecords records = population.recordsOf((int) k);
            String body = records.create((int) k, new Random(k)).toString();
            // 409: created by an earlier, interrupted pre-fill; the entity is there, which is the point.
            return new Operation("create", client.createRequest(records.type().wireName(), body), 1,
                    answer -> answer.status() == 200 || answer.status() == 409);
        }, population.size(), results);
        results.print("prefill over HTTP, " + clients + " clients", (System.nanoTime() - started) / 1e9);
        // A 409 is an entity an earlier, interrupted pre-fill made: not a failure here.
        long failed = results.all().statuses().entrySet().stream()
                .filter(e -> e.getKey() != 200 && e.getKey() != 409).mapToLong(java.util.Map.Entry::getValue).sum();
        if (failed > 0) {
            throw new IllegalStateException(failed + " creates failed");
        }
    }
}
