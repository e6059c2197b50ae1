package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.Population;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The streamed export and import figures (issue 20): the export of every record of the default space
 * (target >= 50,000 entities/s), and the import of one NDJSON body of ~1 KB update lines, one per entity of
 * the population, as one request (target: at least the {@code bulk} figure's rate). Each reports the
 * server's peak resident memory over the run (target <= 512 MB with the README's service start).
 */
public final class TransferFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferFigures() {
    }

    /** Streams the export to nothing, counting lines and bytes; 1 failure when it does not answer 200. */
    public static long export(EntityStoreClient client, long serverPid, String format) throws Exception {
        try (PeakRss rss = PeakRss.of(serverPid)) {
            long start = System.nanoTime();
            EntityStoreClient.Streamed response = client.export("format=" + format);
            long lines = 0;
            long bytes = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    bytes += n;
                    lines += newlines(buffer, n);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long entities = "csv".equals(format) ? Math.max(0, lines - 1) : lines;
            System.out.printf("export (%s): status %d, %,d entities, %,d MB in %.1f s: %,.0f entities/s, %.0f MB/s; server peak RSS %d MB%n",
                    format, response.status(), entities, bytes >> 20, seconds, entities / seconds, bytes / 1e6 / seconds, rss.peakMb());
            return response.status() == 200 ? 0 : 1;
        }
    }

    /** In a method of its own, so that the JIT compiles the loop whole rather than on stack replacement. */
    private static int newlines(byte[] buffer, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Writes the body (once, kept beside the data directory as {@code file}), starts the import, polls its
     * job until it ends; failures are the lines the job did not apply, or 1 when it did not end done.
     */
    public static long importBody(EntityStoreClient client, long serverPid, Population population, Path file, Random random)
            throws Exception {
        if (!Files.exists(file)) {
            write(population, file, random);
        }
        long size = Files.size(file);
        try (PeakRss rss = PeakRss.of(serverPid)) {
            long start = System.nanoTime();
            EntityStoreClient.Answer started = client.startImport(file, "");
            if (started.status() != 202) {
                System.out.println("import refused: " + started.status() + " " + started.body());
                return 1;
            }
            double sent = (System.nanoTime() - start) / 1e9;
            String id = JSON.readTree(started.body()).path("job_id").asText();
            JsonNode job;
            do {
                Thread.sleep(500);
                job = JSON.readTree(client.importJob(id).body());
            } while ("running".equals(job.path("status").asText()));
            double seconds = (System.nanoTime() - start) / 1e9;
            long processed = job.path("processed").asLong();
            System.out.printf("import: %,d lines, %,d MB, body taken (202) in %.1f s, job %s in %.1f s in all: %,.0f entities/s"
                            + " (created %,d, updated %,d, unmatched %,d, failed %,d); server peak RSS %d MB%n",
                    processed, size >> 20, sent, job.path("status").asText(), seconds, processed / seconds,
                    job.path("created").asLong(), job.path("updated").asLong(), job.path("unmatched").asLong(),
                    job.path("failed_lines").asLong(), rss.peakMb());
            if (job.path("failed_lines").asLong() > 0) {
                System.out.println("first errors: " + job.path("errors"));
            }
            return job.path("failed_lines").asLong() + ("done".equals(job.path("status").asText()) ? 0 : 1);
        }
    }

    /** One v2 bulk item a line, {@code {"type":...,"doc":<update>}}, for every entity of the population in order. */
    private static void write(Population population, Path file, Random random) throws IOException {
        System.out.println("writing the import body " + file + " (" + population.size() + " lines)");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int k = 0; k < population.size(); k++) {
                EntityRecords records = population.recordsOf(k);
                ObjectNode line = JSON.createObjectNode().put("type", records.type().wireName());
                line.set("doc", records.update(k, random));
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
        Files.move(partial, file);
    }
}
