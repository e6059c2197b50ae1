package dev.entitystore.bench.durability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What the crash test's clients sent and what the server acknowledged, across every round.
 *
 * <p>Each writer owns one label of each record and writes it with a counter that only grows (never
 * reused, not even after a crash), so after a restart the stored counter must be at least the last
 * acknowledged one, and at most the last attempted one. A write whose answer never came may or may not
 * be there.
 */
final class WriteLedger {
    /** A bulk that was sent: its writer label, its counter, and the entities it wrote. */
    record SentBulk(String label, long counter, List<String> entityIds) {}

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> attempted = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> everyAcknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> nextCounter = new ConcurrentHashMap<>();
    private final Map<String, String> createdAcknowledged = new ConcurrentHashMap<>();
    private final Set<String> createsAttempted = ConcurrentHashMap.newKeySet();
    /** Per bulk writer label, the last bulk it sent (acknowledged or not). */
    private final Map<String, SentBulk> lastBulk = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lastBulkAcknowledged = new ConcurrentHashMap<>();

    /** The next counter of {@code label} on {@code entityId} (per writer label, for bulks: on {@code "*"}). */
    long next(String label, String entityId) {
        return nextCounter.merge(label + "|" + entityId, 1L, Long::sum);
    }

    void attempted(String label, String entityId, long counter) {
        attempted.merge(label + "|" + entityId, counter, Math::max);
    }

    void acknowledged(String label, String entityId, long counter) {
        acknowledged.merge(label + "|" + entityId, counter, Math::max);
        everyAcknowledged.computeIfAbsent(label + "|" + entityId, key -> new ConcurrentSkipListSet<>()).add(counter);
    }

    /** Every acknowledged counter, by {@code label|entityId}: each must be in the change feed once. */
    Map<String, Set<Long>> everyAcknowledged() {
        return Map.copyOf(everyAcknowledged);
    }

    /** The last acknowledged counter of {@code label} on {@code entityId}, 0 when none. */
    long acknowledgedOf(String label, String entityId) {
        return acknowledged.getOrDefault(label + "|" + entityId, 0L);
    }

    /** The last attempted counter of {@code label} on {@code entityId}, 0 when none. */
    long attemptedOf(String label, String entityId) {
        return attempted.getOrDefault(label + "|" + entityId, 0L);
    }

    void bulkSent(SentBulk bulk) {
        bulk.entityIds().forEach(id -> attempted(bulk.label(), id, bulk.counter()));
        lastBulk.put(bulk.label(), bulk);
        lastBulkAcknowledged.put(bulk.label(), false);
    }

    void bulkAcknowledged(SentBulk bulk) {
        bulk.entityIds().forEach(id -> acknowledged(bulk.label(), id, bulk.counter()));
        lastBulkAcknowledged.put(bulk.label(), true);
    }

    /** The bulks whose answer never came (sent when the server died). */
    List<SentBulk> unansweredBulks() {
        return lastBulk.values().stream().filter(b -> !lastBulkAcknowledged.get(b.label())).toList();
    }

    void createAttempted(String entityId) {
        createsAttempted.add(entityId);
    }

    void createAcknowledged(String entityId, String marker) {
        createdAcknowledged.put(entityId, marker);
    }

    Map<String, String> acknowledgedCreates() {
        return Map.copyOf(createdAcknowledged);
    }

    Set<String> attemptedCreates() {
        return Set.copyOf(createsAttempted);
    }

    long acknowledgedCount() {
        return acknowledged.size() + createdAcknowledged.size();
    }
}
