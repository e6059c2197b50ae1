package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import dev.entitystore.bench.records.Population;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 19's scale figure: a link of {@code size} ids into one target, timed as a client sees it, on the
 * pre-filled population, then the unlink that puts the store back (so a data directory can be measured
 * again). Each round takes a random run of consecutive entities of one type (the target and its aliases),
 * disjoint from the others.
 */
public final class ResolutionLinkProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINK = EntityStoreClient.API + "/resolution/link";
    private static final String UNLINK = EntityStoreClient.API + "/resolution/unlink";

    private final EntityStoreClient client;
    private final Population population;

    public ResolutionLinkProbe(Operations operations) {
        this.client = operations.client();
        this.population = operations.population();
    }

    /** Runs {@code rounds} links of {@code size} ids; returns the failures. */
    public long run(Random random, int rounds, int size) {
        int types = population.types().size();
        int block = (size + 1) * types;
        int blocks = population.size() / block;
        if (blocks < rounds) {
            throw new IllegalArgumentException("a population of " + population.size() + " holds fewer than " + rounds
                    + " disjoint groups of " + (size + 1));
        }
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < rounds) {
            int b = random.nextInt(blocks);
            if (!chosen.contains(b)) {
                chosen.add(b);
            }
        }
        List<Double> links = new ArrayList<>();
        List<Double> unlinks = new ArrayList<>();
        long failures = 0;
        for (int b : chosen) {
            int first = b * block;
            String target = population.recordsOf(first).euid(first);
            ObjectNode link = JSON.createObjectNode().put("target_id", target);
            ArrayNode ids = link.putArray("entity_ids");
            for (int i = 1; i <= size; i++) {
                int k = first + i * types;
                ids.add(population.recordsOf(k).euid(k));
            }
            long start = System.nanoTime();
            Answer linked = client.post(LINK, link.toString());
            double linkMs = (System.nanoTime() - start) / 1e6;
            ObjectNode unlink = JSON.createObjectNode();
            unlink.set("entity_ids", ids);
            start = System.nanoTime();
            Answer unlinked = client.post(UNLINK, unlink.toString());
            double unlinkMs = (System.nanoTime() - start) / 1e6;
            boolean ok = count(linked, "linked") == size && count(unlinked, "unlinked") == size;
            failures += ok ? 0 : 1;
            links.add(linkMs);
            unlinks.add(unlinkMs);
            System.out.printf("link of %d ids into %s: %.0f ms (%s); unlink %.0f ms (%s)%s%n", size, target, linkMs,
                    linked.status(), unlinkMs, unlinked.status(), ok ? "" : " FAILED: " + abbreviated(linked.body()));
        }
        System.out.printf("link of %d ids: median %.0f ms, max %.0f ms over %d rounds; unlink median %.0f ms (target <= 1,000 ms)%n",
                size, median(links), links.stream().mapToDouble(d -> d).max().orElse(0), rounds, median(unlinks));
        return failures;
    }

    private static int count(Answer answer, String field) {
        if (answer.status() != 200) {
            return -1;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path(field).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The middle value (the upper one of an even count); 0 for none. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
