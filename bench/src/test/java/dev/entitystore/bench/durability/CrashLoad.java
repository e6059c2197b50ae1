package dev.entitystore.bench.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import dev.entitystore.bench.records.EntityRecords;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writers of one crash round, each on its own thread until the server stops answering: single
 * updates of the writer's own labels, bulk updates, creates of new entities, and (in the big-bulk round)
 * one writer sending the whole population in one bulk, back to back. Everything sent and acknowledged
 * goes to the {@link WriteLedger}; any answer that is not a success is kept as unexpected.
 */
final class CrashLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BULK_ITEMS = 200;

    private final EntityStoreClient client;
    private final WriteLedger ledger;
    private final List<Target> targets;
    private final int round;
    private final long seed;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledgedWrites = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    CrashLoad(EntityStoreClient client, WriteLedger ledger, List<Target> targets, int round, long seed) {
        this.client = client;
        this.ledger = ledger;
        this.targets = targets;
        this.round = round;
        this.seed = seed;
    }

    /** Three single-update writers, two bulk writers, one creator. */
    CrashLoad mixed() {
        for (int w = 0; w < 3; w++) {
            spawn("s" + w, this::singleUpdates);
        }
        for (int w = 0; w < 2; w++) {
            spawn("b" + w, label -> bulks(label, BULK_ITEMS, false));
        }
        spawn("c", this::creates);
        return this;
    }

    /** One writer sending every target in one ~1 KB-per-item bulk, back to back, and one single writer. */
    CrashLoad bigBulks() {
        spawn("big", label -> bulks(label, targets.size(), true));
        spawn("s0", this::singleUpdates);
        return this;
    }

    private void spawn(String label, java.util.function.Consumer<String> writer) {
        Thread thread = new Thread(() -> {
            try {
                writer.accept(label);
            } catch (UncheckedIOException expected) {
                // the server died: every write in flight is unacknowledged, and that is the point
            } catch (RuntimeException e) {
                unexpected.add(label + ": " + e);
            }
        }, "crash-writer-" + label);
        threads.add(thread);
        thread.start();
    }

    /** Stops the writers (after the kill their requests fail at once) and waits for them. */
    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(150));
            if (thread.isAlive()) {
                unexpected.add(thread.getName() + " did not finish");
            }
        }
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    long acknowledgedWrites() {
        return acknowledgedWrites.get();
    }

    private void singleUpdates(String label) {
        Random random = new Random(seed ^ label.hashCode());
        while (!stop.get()) {
            Target target = targets.get(random.nextInt(targets.size()));
            long counter = ledger.next(label, target.id());
            ObjectNode doc = JSON.createObjectNode();
            doc.putObject("entity").put("id", target.id());
            ObjectNode labels = doc.putObject("labels");
            labels.put(label, counter);
            labels.put(label + "_copy", counter);
            labels.put(label + "_of", target.id());
            ledger.attempted(label, target.id(), counter);
            Answer answer = client.send(client.updateRequest(target.type().wireName(), doc.toString(), true));
            if (answer.status() == 200) {
                ledger.acknowledged(label, target.id(), counter);
                acknowledgedWrites.incrementAndGet();
            } else {
                unexpected.add(label + " update of " + target.id() + " answered " + answer.status() + ": " + answer.body());
            }
        }
    }

    /** Bulks of {@code items} distinct targets; {@code full} adds each type's ~1 KB update to every item. */
    private void bulks(String label, int items, boolean full) {
        Random random = new Random(seed ^ label.hashCode());
        while (!stop.get()) {
            long counter = ledger.next(label, "*");
            Set<Target> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(items, targets.size())) {
                chosen.add(targets.get(random.nextInt(targets.size())));
            }
            ObjectNode body = JSON.createObjectNode();
            ArrayNode entities = body.putArray("entities");
            List<String> ids = new ArrayList<>(chosen.size());
            for (Target target : chosen) {
                ObjectNode doc = full ? EntityRecords.of(target.type()).update(target.number(), random) : JSON.createObjectNode();
                (doc.has("entity") ? (ObjectNode) doc.get("entity") : doc.putObject("entity")).put("id", target.id());
                ObjectNode labels = doc.putObject("labels");
                labels.put(label, counter);
                labels.put(label + "_copy", counter);
                entities.addObject().put("type", target.type().wireName()).set("doc", doc);
                ids.add(target.id());
            }
            WriteLedger.SentBulk bulk = new WriteLedger.SentBulk(label, counter, ids);
            ledger.bulkSent(bulk);
            Answer answer = client.send(client.bulkRequest(body.toString(), true));
            if (answer.status() == 200 && errors(answer).isEmpty()) {
                ledger.bulkAcknowledged(bulk);
                acknowledgedWrites.addAndGet(ids.size());
            } else {
                unexpected.add(label + " bulk " + counter + " answered " + answer.status() + ": " + abbreviated(answer.body()));
            }
        }
    }

    private void creates(String label) {
        int k = 0;
        while (!stop.get()) {
            String id = "crash-r" + round + "-" + k++;
            String marker = id + "#whole";
            ObjectNode doc = JSON.createObjectNode();
            doc.putObject("entity").put("id", id).put("name", marker);
            doc.putObject("labels").put("made", marker);
            ledger.createAttempted(id);
            Answer answer = client.send(client.createRequest("generic", doc.toString()));
            if (answer.status() == 200) {
                ledger.createAcknowledged(id, marker);
                acknowledgedWrites.incrementAndGet();
            } else {
                unexpected.add(label + " create of " + id + " answered " + answer.status() + ": " + answer.body());
            }
        }
    }

    private static JsonNode errors(Answer answer) {
        try {
            return JSON.readTree(answer.body()).path("errors");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bulk answer is not JSON: " + abbreviated(answer.body()), e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
