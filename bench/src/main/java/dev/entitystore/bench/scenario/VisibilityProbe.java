package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.Population;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Write-to-visible latency, as a client sees it: update an entity with a value nobody else wrote, then
 * list with a KQL filter on that value until the answer holds the entity. The time from sending the
 * update to the list answer that finds it is the figure; "visible on return" counts the probes whose
 * first list, sent right after the update's answer, already found it (product rules §1's promise).
 */
public final class VisibilityProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long POLL_PAUSE_MILLIS = 5;

    private final EntityStoreClient client;
    private final Population population;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    public VisibilityProbe(Operations operations) {
        this.client = operations.client();
        this.population = operations.population();
    }

    /** Sends {@code probes} probes one after another; returns the failures (errors, never visible). */
    public long run(Random random, int probes) throws InterruptedException {
        Results results = new Results();
        Operation update = new Operation("update (answered)", null, 1, Answer::ok);
        Operation visible = new Operation("write to visible in list", null, 0, Answer::ok);
        long visibleOnReturn = 0;
        long listsSent = 0;
        long start = System.nanoTime();
        for (int n = 0; n < probes; n++) {
            int k = random.nextInt(population.size());
            EntityRecords records = population.recordsOf(k);
            String marker = "probe-" + run + "-" + n;
            ObjectNode body = records.update(k, random);
            body.withObject("/entity/attributes").putArray("watchlists").add(marker);
            long sent = System.nanoTime();
            Answer written = client.send(client.updateRequest(records.type().wireName(), body.toString(), false));
            results.record(update, System.nanoTime() - sent, written.status());
            if (!written.ok()) {
                continue;
            }
            HttpRequest list = client.listRequest("filter="
                    + EntityStoreClient.encode("entity.attributes.watchlists: \"" + marker + "\""));
            for (int attempt = 1; ; attempt++) {
                Answer found = client.send(list);
                listsSent++;
                long now = System.nanoTime();
                if (found.ok() && holdsOne(found)) {
                    results.record(visible, now - sent, found.status());
                    visibleOnReturn += attempt == 1 ? 1 : 0;
                    break;
                }
                if (!found.ok() || now - sent > GIVE_UP_NANOS) {
                    results.record(visible, now - sent, found.ok() ? -1 : found.status());
                    break;
                }
                Thread.sleep(POLL_PAUSE_MILLIS);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.print("write-to-visible probes, one client, " + probes + " updates", seconds);
        System.out.printf("visible on return (the first list after the answer found it): %d of %d; lists sent %d%n",
                visibleOnReturn, probes, listsSent);
        return results.failures();
    }

    private static boolean holdsOne(Answer answer) {
        try {
            JsonNode entities = JSON.readTree(answer.body()).path("entities");
            return entities.isArray() && entities.size() == 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
