package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import dev.entitystore.bench.records.Population;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 19's large-group figure: builds one resolution group of {@code members} aliases by links of 1,000 ids
 * (the first entity of the population is the target), reads it whole as Kibana's route answers it, walks it in
 * pages (our extension), then unlinks every alias so the store is as before. Each phase prints its wall time
 * and the server's CPU; the reads print their bytes and the server's peak RSS. The whole answer is counted as
 * it streams, never held.
 */
public final class ResolutionGroupProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory STREAM = new JsonFactory();
    private static final String RESOLUTION = EntityStoreClient.API + "/resolution";
    private static final int LINK_SIZE = 1000;

    private final EntityStoreClient client;
    private final Population population;
    private final long serverPid;

    public ResolutionGroupProbe(Operations operations, long serverPid) {
        this.client = operations.client();
        this.population = operations.population();
        this.serverPid = serverPid;
    }

    /** Runs the four phases; returns the failures (answers other than 200, or counts other than expected). */
    public long run(int members, int pageSize) throws IOException, InterruptedException {
        int types = population.types().size();
        if ((long) members * types >= population.size()) {
            throw new IllegalArgumentException("a population of " + population.size() + " holds no group of " + members);
        }
        String target = euid(0);
        long failures = build(target, members);
        failures += readWhole(target, members);
        failures += walk(target, members, pageSize);
        failures += unlinkAll(members);
        return failures;
    }

    private long build(String target, int members) {
        List<Double> millis = new ArrayList<>();
        long failures = 0;
        Phase phase = new Phase();
        for (int first = 1; first <= members; first += LINK_SIZE) {
            ObjectNode link = JSON.createObjectNode().put("target_id", target);
            link.set("entity_ids", ids(first, Math.min(members, first + LINK_SIZE - 1)));
            long start = System.nanoTime();
            Answer answer = client.post(RESOLUTION + "/link", link.toString());
            millis.add((System.nanoTime() - start) / 1e6);
            failures += answer.status() == 200 ? 0 : 1;
        }
        phase.print(String.format("build: %d links of up to %,d ids into %s, link p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                millis.size(), LINK_SIZE, target, ResolutionLinkProbe.percentile(millis, 50),
                ResolutionLinkProbe.percentile(millis, 99), ResolutionLinkProbe.percentile(millis, 100)));
        return failures;
    }

    private long readWhole(String target, int members) throws IOException, InterruptedException {
        try (PeakRss rss = PeakRss.of(serverPid)) {
            Phase phase = new Phase();
            Counted whole = read("entity_id=" + EntityStoreClient.encode(target));
            phase.print(String.format("whole group: status %d, %,d aliases, %,d MB, first byte after %.1f s, server peak RSS %d MB",
                    whole.status(), whole.aliases(), whole.bytes() >> 20, whole.firstByteSeconds(), rss.peakMb()),
                    whole.aliases());
            return whole.status() == 200 && whole.aliases() == members ? 0 : 1;
        }
    }

    private long walk(String target, int members, int pageSize) throws IOException, InterruptedException {
        Phase phase = new Phase();
        long aliases = 0;
        int pages = 0;
        String after = null;
        do {
            Counted page = read("entity_id=" + EntityStoreClient.encode(target) + "&size=" + pageSize
                    + (after == null ? "" : "&searchAfter=" + EntityStoreClient.encode(after)));
            if (page.status() != 200) {
                return 1;
            }
            aliases += page.aliases();
            pages++;
            after = page.next();
        } while (after != null);
        phase.print(String.format("paged walk: %d pages of %,d, %,d aliases", pages, pageSize, aliases), aliases);
        return aliases == members ? 0 : 1;
    }

    private long unlinkAll(int members) {
        Phase phase = new Phase();
        long failures = 0;
        for (int first = 1; first <= members; first += LINK_SIZE) {
            ObjectNode unlink = JSON.createObjectNode();
            unlink.set("entity_ids", ids(first, Math.min(members, first + LINK_SIZE - 1)));
            Answer answer = client.post(RESOLUTION + "/unlink", unlink.toString());
            failures += answer.status() == 200 ? 0 : 1;
        }
        phase.print("unlink of every alias, 1,000 at a time");
        return failures;
    }

    private record Counted(int status, long aliases, long bytes, double firstByteSeconds, String next) {
    }

    /** One group answer, streamed: its aliases counted at the top level, its bytes, its cursor. */
    private Counted read(String query) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.getStream(RESOLUTION + "/group?" + query);
        double firstByte = (System.nanoTime() - start) / 1e9;
        long aliases = 0;
        String next = null;
        try (InputStream body = response.body(); JsonParser parser = STREAM.createParser(body)) {
            if (response.statusCode() != 200) {
                return new Counted(response.statusCode(), 0, body.readAllBytes().length, firstByte, null);
            }
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("aliases".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        aliases++;
                    }
                } else if ("nextSearchAfter".equals(field) && value == JsonToken.VALUE_STRING) {
                    next = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return new Counted(200, aliases, parser.currentLocation().getByteOffset(), firstByte, next);
        }
    }

    private ArrayNode ids(int first, int last) {
        ArrayNode ids = JSON.createArrayNode();
        for (int i = first; i <= last; i++) {
            ids.add(euid(i));
        }
        return ids;
    }

    /** The {@code i}-th entity of the target's type (the population interleaves its types). */
    private String euid(int i) {
        int k = i * population.types().size();
        return population.recordsOf(k).euid(k);
    }

    /** A phase's wall time and the server's CPU over it, printed with the load average at its end. */
    private final class Phase {
        private final long start = System.nanoTime();
        private final Duration cpuAtStart = serverCpu();

        void print(String what) {
            print(what, 0);
        }

        void print(String what, long aliases) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Duration cpu = serverCpu().minus(cpuAtStart);
            String perAlias = aliases == 0 ? "" : String.format(" = %.0f us per alias", cpu.toNanos() / 1e3 / aliases);
            System.out.printf("%s: %.1f s wall, server CPU %.1f s%s (load %s)%n", what, seconds, cpu.toMillis() / 1e3,
                    perAlias, loadAverage());
        }

        private Duration serverCpu() {
            return ProcessHandle.of(serverPid).flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
