package dev.entitystore.bench.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change feed after the crashes, read from its first change: every acknowledged write is in it exactly
 * once (a writer's value of its label, or an acknowledged create), no write is in it twice (acknowledged or
 * not: a counter only grows, so the same value twice is one write recorded twice), nothing is in it that was
 * never sent, and each label's values come in the order they were written.
 */
final class FeedCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;

    private final EntityStoreClient client;
    private final WriteLedger ledger;
    private final List<String> violations = new ArrayList<>();
    /** {@code label|entityId} → the label's values set by the feed's changes, in feed order. */
    private final Map<String, List<Long>> written = new HashMap<>();
    /** entityId → how many create changes the feed holds for it. */
    private final Map<String, Integer> creates = new HashMap<>();
    private long changes;

    FeedCheck(EntityStoreClient client, WriteLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /** Reads the whole feed and returns what does not hold (empty when all does). */
    List<String> run() {
        read();
        checkWrites();
        checkCreates();
        return violations;
    }

    /** How many changes the feed held. */
    long changes() {
        return changes;
    }

    private void read() {
        String since = null;
        while (true) {
            Answer answer = client.changes(since, PAGE);
            if (answer.status() != 200) {
                violations.add("the change feed answered " + answer.status() + ": " + answer.body());
                return;
            }
            JsonNode page = json(answer.body());
            for (JsonNode change : page.path("changes")) {
                record(change);
            }
            // A page may hold fewer than asked while more follow (a read looks at a bounded stretch of the log).
            if (page.path("changes").isEmpty()) {
                return;
            }
            since = page.path("next").asText();
        }
    }

    private void record(JsonNode change) {
        changes++;
        String id = change.path("entityId").asText();
        if (change.path("op").asText().equals("create") && change.path("fields").has("labels.made")) {
            creates.merge(id, 1, Integer::sum);
        }
        for (String label : RecoveryCheck.WRITER_LABELS) {
            JsonNode after = change.path("fields").path("labels." + label).path("after");
            if (after.canConvertToLong()) {
                written.computeIfAbsent(label + "|" + id, key -> new ArrayList<>()).add(after.asLong());
            }
        }
    }

    private void checkWrites() {
        for (Map.Entry<String, List<Long>> values : written.entrySet()) {
            String key = values.getKey();
            List<Long> counters = values.getValue();
            String label = key.substring(0, key.indexOf('|'));
            String id = key.substring(key.indexOf('|') + 1);
            for (int i = 1; i < counters.size(); i++) {
                if (counters.get(i) <= counters.get(i - 1)) {
                    violations.add(id + ": " + label + " " + counters.get(i) + " follows " + counters.get(i - 1)
                            + " in the feed (a write recorded twice or out of order)");
                }
            }
            long newest = counters.get(counters.size() - 1);
            if (newest > ledger.attemptedOf(label, id)) {
                violations.add(id + ": the feed holds " + label + " " + newest + ", never sent (last attempted "
                        + ledger.attemptedOf(label, id) + ")");
            }
        }
        for (Map.Entry<String, Set<Long>> acknowledged : ledger.everyAcknowledged().entrySet()) {
            List<Long> counters = written.getOrDefault(acknowledged.getKey(), List.of());
            for (long counter : acknowledged.getValue()) {
                long times = counters.stream().filter(c -> c == counter).count();
                if (times != 1) {
                    String key = acknowledged.getKey();
                    violations.add(key.substring(key.indexOf('|') + 1) + ": " + key.substring(0, key.indexOf('|')) + " "
                            + counter + " was acknowledged but is in the feed " + times + " times");
                }
            }
        }
    }

    private void checkCreates() {
        for (String id : ledger.acknowledgedCreates().keySet()) {
            int times = creates.getOrDefault(id, 0);
            if (times != 1) {
                violations.add(id + ": an acknowledged create is in the feed " + times + " times");
            }
        }
        creates.forEach((id, times) -> {
            if (times > 1) {
                violations.add(id + ": created " + times + " times in the feed");
            }
        });
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
