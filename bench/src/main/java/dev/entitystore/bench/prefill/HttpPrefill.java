package dev.entitystore.bench.prefill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.Population;
import dev.entitystore.bench.scenario.ClosedLoopLoad;
import dev.entitystore.bench.scenario.Operation;
import dev.entitystore.bench.scenario.Results;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Fills a running server (either backend) with a population through v2 creates, {@code clients} at a
 * time, or through one NDJSON import of the same create bodies: the way to pre-fill a backend the kit
 * cannot write directly (OpenSearch). The import writes 1,000 records a store call where a create waits
 * for its own refresh: on a loaded machine the creates reached ~60 entities/s on OpenSearch.
 */
public final class HttpPrefill {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpPrefill() {
    }

    /** One import ({@code upsert}: missing entities are created) of every entity's create body, written to {@code file} first. */
    public static void runImport(EntityStoreClient client, Population population, Path file) throws Exception {
        install(client, population);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int k = 0; k < population.size(); k++) {
                EntityRecords records = population.recordsOf(k);
                ObjectNode line = JSON.createObjectNode().put("type", records.type().wireName());
                line.set("doc", records.create(k, new Random(k)));
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
        long started = System.nanoTime();
        try {
            EntityStoreClient.Answer answer = client.startImport(file, "mode=upsert&force=true");
            if (answer.status() != 202) {
                throw new IllegalStateException("import answered " + answer.status() + ": " + answer.body());
            }
            String id = JSON.readTree(answer.body()).path("job_id").asText();
            JsonNode job;
            do {
                Thread.sleep(1_000);
                job = JSON.readTree(client.importJob(id).body());
            } while ("running".equals(job.path("status").asText()));
            System.out.printf("prefill by import: %s, %,d lines in %.0f s, %,d failed%n", job.path("status").asText(),
                    job.path("processed").asLong(), (System.nanoTime() - started) / 1e9, job.path("failed_lines").asLong());
            if (!"done".equals(job.path("status").asText()) || job.path("failed_lines").asLong() > 0) {
                throw new IllegalStateException("the pre-fill import did not apply every line: " + job);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void install(EntityStoreClient client, Population population) {
        EntityStoreClient.Answer installed = client.install(population.typeNames());
        if (!installed.ok()) {
            throw new IllegalStateException("install answered " + installed.status() + ": " + installed.body());
        }
    }

    public static void run(EntityStoreClient client, Population population, int clients) throws Exception {
        install(client, population);
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
