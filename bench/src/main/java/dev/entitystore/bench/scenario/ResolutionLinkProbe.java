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
 * disjoint from the others. The first {@code warmUps} rounds are not counted: a server just started runs
 * its first links several times slower (code not yet compiled, caches cold), as the other figures'
 * warm-ups allow for.
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

    /** Runs {@code warmUps} links of {@code size} ids, not counted, then {@code rounds} counted; returns the failures. */
    public long run(Random random, int warmUps, int rounds, int size) {
        int types = population.types().size();
        int block = (size + 1) * types;
        int blocks = population.size() / block;
        if (blocks < warmUps + rounds) {
            throw new IllegalArgumentException("a population of " + population.size() + " holds fewer than "
                    + (warmUps + rounds) + " disjoint groups of " + (size + 1));
        }
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < warmUps + rounds) {
            int b = random.nextInt(blocks);
            if (!chosen.contains(b)) {
                chosen.add(b);
            }
        }
        List<Double> links = new ArrayList<>();
        List<Double> unlinks = new ArrayList<>();
        long failures = 0;
        for (int round = 0; round < chosen.size(); round++) {
            boolean counted = round >= warmUps;
            int b = chosen.get(round);
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
            if (counted) {
                links.add(linkMs);
                unlinks.add(unlinkMs);
            }
            System.out.printf("%slink of %d ids into %s: %.0f ms (%s); unlink %.0f ms (%s)%s%n", counted ? "" : "warm-up: ",
                    size, target, linkMs, linked.status(), unlinkMs, unlinked.status(),
                    ok ? "" : " FAILED: " + abbreviated(linked.body()));
        }
        System.out.printf("link of %d ids: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d rounds after %d warm-up;"
                        + " unlink p50 %.0f ms, p99 %.0f ms (target <= 1,000 ms)%n",
                size, percentile(links, 50), percentile(links, 99), percentile(links, 100), rounds, warmUps,
                percentile(unlinks, 50), percentile(unlinks, 99));
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

    /**
     * The nearest-rank percentile: the smallest value at least {@code p} percent of the values are at or
     * below (so p99 of fewer than 100 values is the largest); 0 for none.
     */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
