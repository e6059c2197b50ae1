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

/**
 * What must hold after a crash and a restart, read back over HTTP:
 * <ul>
 *   <li>every acknowledged write is there: each writer's label is at least its last acknowledged counter
 *       (and at most its last attempted one: nothing appears that was never sent);</li>
 *   <li>no record is half-merged: every write set a value, its copy (and for single updates the target's
 *       id) together, so they must agree wherever the value is present;</li>
 *   <li>a bulk is one unit: of a bulk whose answer never came, all of its items or none are there;</li>
 *   <li>every acknowledged create is there whole; an unacknowledged one is there whole or not at all;</li>
 *   <li>list (the search index) agrees with get: the same entities, with the same labels.</li>
 * </ul>
 */
final class RecoveryCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> WRITER_LABELS = List.of("s0", "s1", "s2", "b0", "b1", "big");

    private final EntityStoreClient client;
    private final WriteLedger ledger;
    private final List<Target> targets;
    private final List<String> violations = new ArrayList<>();
    /** id → stored labels, as get answers. */
    private final Map<String, JsonNode> stored = new HashMap<>();

    private final boolean bulksAreOneUnit;

    /**
     * @param bulksAreOneUnit whether a bulk cut short must be all there or not at all (the embedded store's
     *                        promise; OpenSearch's bulk applies record by record, each with its change)
     */
    RecoveryCheck(EntityStoreClient client, WriteLedger ledger, List<Target> targets, boolean bulksAreOneUnit) {
        this.client = client;
        this.ledger = ledger;
        this.targets = targets;
        this.bulksAreOneUnit = bulksAreOneUnit;
    }

    /** Runs every check and returns what does not hold (empty when all does). */
    List<String> run() {
        for (Target target : targets) {
            checkTarget(target);
        }
        if (bulksAreOneUnit) {
            checkUnansweredBulks();
        }
        checkCreates();
        checkListAgreesWithGet();
        return violations;
    }

    private void checkTarget(Target target) {
        Answer answer = client.get(target.type().wireName(), target.id());
        if (answer.status() != 200) {
            violations.add(target.id() + ": get answered " + answer.status() + " for an entity created and acknowledged");
            return;
        }
        JsonNode labels = json(answer.body()).path("labels");
        stored.put(target.id(), labels);
        for (String label : WRITER_LABELS) {
            long value = labels.path(label).asLong(0);
            long acknowledged = ledger.acknowledgedOf(label, target.id());
            long attempted = ledger.attemptedOf(label, target.id());
            if (value < acknowledged) {
                violations.add(target.id() + ": " + label + " is " + value + " but " + acknowledged + " was acknowledged");
            }
            if (value > attempted) {
                violations.add(target.id() + ": " + label + " is " + value + " but only up to " + attempted + " was sent");
            }
            if (labels.has(label) && labels.path(label + "_copy").asLong(-1) != value) {
                violations.add(target.id() + ": half-merged write, " + label + "=" + value + " but " + label + "_copy="
                        + labels.path(label + "_copy"));
            }
            if (label.startsWith("s") && labels.has(label) && !target.id().equals(labels.path(label + "_of").asText())) {
                violations.add(target.id() + ": half-merged write, " + label + "_of=" + labels.path(label + "_of"));
            }
        }
    }

    private void checkUnansweredBulks() {
        for (WriteLedger.SentBulk bulk : ledger.unansweredBulks()) {
            long applied = bulk.entityIds().stream()
                    .filter(id -> stored.containsKey(id) && stored.get(id).path(bulk.label()).asLong(0) == bulk.counter())
                    .count();
            if (applied != 0 && applied != bulk.entityIds().size()) {
                violations.add("bulk " + bulk.label() + "#" + bulk.counter() + " in flight at the kill is partly applied: "
                        + applied + " of " + bulk.entityIds().size() + " items");
            }
        }
    }

    private void checkCreates() {
        Map<String, String> acknowledged = ledger.acknowledgedCreates();
        for (String id : ledger.attemptedCreates()) {
            Answer answer = client.get("generic", id);
            if (answer.status() == 404 && !acknowledged.containsKey(id)) {
                continue;
            }
            if (answer.status() != 200) {
                violations.add(id + ": get answered " + answer.status() + " for a create that was "
                        + (acknowledged.containsKey(id) ? "acknowledged" : "sent"));
                continue;
            }
            JsonNode record = json(answer.body());
            String marker = id + "#whole";
            if (!marker.equals(record.path("labels").path("made").asText()) || !marker.equals(record.path("entity").path("name").asText())) {
                violations.add(id + ": created record is not whole: " + record);
            }
            stored.put(id, record.path("labels"));
        }
    }

    private void checkListAgreesWithGet() {
        Map<String, JsonNode> listed = listAll();
        for (Map.Entry<String, JsonNode> entry : stored.entrySet()) {
            JsonNode fromList = listed.get(entry.getKey());
            if (fromList == null) {
                violations.add(entry.getKey() + ": get finds it, list does not");
            } else if (!fromList.equals(entry.getValue())) {
                violations.add(entry.getKey() + ": list has labels " + fromList + ", get has " + entry.getValue());
            }
        }
        for (String id : listed.keySet()) {
            if (!stored.containsKey(id) && ledger.attemptedCreates().contains(id)) {
                violations.add(id + ": list finds it, get does not");
            }
        }
    }

    /** Every entity of the default space through cursor mode, newest first: id → labels. */
    private Map<String, JsonNode> listAll() {
        Map<String, JsonNode> listed = new HashMap<>();
        String after = null;
        while (true) {
            Answer answer = client.list("size=1000" + (after == null ? "" : "&searchAfter=" + EntityStoreClient.encode(after)));
            if (answer.status() != 200) {
                violations.add("list answered " + answer.status() + ": " + answer.body());
                return listed;
            }
            JsonNode page = json(answer.body());
            for (JsonNode entity : page.path("entities")) {
                if (listed.put(entity.path("entity").path("id").asText(), entity.path("labels")) != null) {
                    violations.add(entity.path("entity").path("id").asText() + ": listed twice");
                }
            }
            if (page.path("entities").isEmpty() || !page.has("nextSearchAfter")) {
                return listed;
            }
            after = page.path("nextSearchAfter").toString();
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
