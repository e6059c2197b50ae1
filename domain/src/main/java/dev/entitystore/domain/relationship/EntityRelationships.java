package dev.entitystore.domain.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.write.ServerTimestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import dev.entitystore.domain.query.DateValues;
import dev.entitystore.domain.store.EntityStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Kibana's relationships listing, answered from what the store knows: the relationship values on the
 * entity's record ({@code entity.relationships.<kind>.ids}, or v1's flat {@code entity.relationships.<kind>}),
 * each timed by the record's last write. No per-edge observation history is kept (docs/decisions.md).
 */
public final class EntityRelationships {
    /** Kibana's listable kinds, in its order. */
    public static final List<String> KINDS = List.of("accesses_frequently", "accesses_infrequently",
            "communicates_with", "administers", "depends_on", "owns", "supervises");
    private static final int DEFAULT_PER_PAGE = 10;
    private static final Map<String, Function<RelationshipRecord, String>> SORT_KEYS = Map.of(
            "@timestamp", RelationshipRecord::timestamp, "timestamp", RelationshipRecord::timestamp,
            "kind", RelationshipRecord::kind, "target", RelationshipRecord::target, "source", RelationshipRecord::source);

    private final EntityStore store;
    private final RelationshipTimes times;

    public EntityRelationships(EntityStore store, EntityHistory history) {
        this.store = store;
        this.times = new RelationshipTimes(history);
    }

    /** A page of the entity's relationships; none for an entity not stored (Kibana reads an event stream). */
    public RelationshipPage list(String space, String entityId, RelationshipQuery query) {
        Function<RelationshipRecord, String> sortKey = sortKey(query.sortField());
        OptionalLong from = bound("from", query.from());
        OptionalLong to = bound("to", query.to());
        String id = EntityIds.documentId(entityId);
        List<RelationshipRecord> all = store.get(space, id)
                .map(stored -> timed(space, id, recordsOf(stored.source()))).orElseGet(List::of);
        List<RelationshipRecord> matching = new ArrayList<>();
        for (RelationshipRecord record : all) {
            if ((query.kind() == null || query.kind().equals(record.kind()))
                    && (query.target() == null || query.target().equals(record.target()))
                    && within(record.timestamp(), from, to)) {
                matching.add(record);
            }
        }
        Comparator<RelationshipRecord> order = Comparator.comparing(sortKey,
                Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        if (!Boolean.FALSE.equals(query.descending())) {
            order = order.reversed();
        }
        matching.sort(order.thenComparing(RelationshipRecord::kind).thenComparing(RelationshipRecord::target));
        int page = query.page() == null ? 1 : query.page();
        int perPage = query.perPage() == null ? DEFAULT_PER_PAGE : query.perPage();
        long start = (long) (page - 1) * perPage;
        List<RelationshipRecord> slice = start >= matching.size() ? List.of()
                : matching.subList((int) start, (int) Math.min(matching.size(), start + perPage));
        return new RelationshipPage(slice, matching.size(), page, perPage);
    }

    /** Each record with the times of its own writes, where the history has them. */
    private List<RelationshipRecord> timed(String space, String id, List<RelationshipRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Map<String, Set<String>> current = new LinkedHashMap<>();
        records.forEach(r -> current.computeIfAbsent(r.kind(), k -> new LinkedHashSet<>()).add(r.target()));
        Map<String, Map<String, RelationshipTimes.Times>> known = times.of(space, id, current);
        List<RelationshipRecord> timed = new ArrayList<>(records.size());
        for (RelationshipRecord record : records) {
            RelationshipTimes.Times written = known.getOrDefault(record.kind(), Map.of()).get(record.target());
            timed.add(written == null ? record : new RelationshipRecord(record.kind(), record.target(),
                    iso(written.last()), record.source(), iso(written.first())));
        }
        return timed;
    }

    private static String iso(long millis) {
        return ServerTimestamp.format(Instant.ofEpochMilli(millis));
    }

    private static List<RelationshipRecord> recordsOf(ObjectNode source) {
        JsonNode relationships = source.path("entity").path("relationships");
        String timestamp = source.path("@timestamp").isTextual() ? source.path("@timestamp").asText() : null;
        String origin = sourceOf(source.path("entity").path("source"));
        List<RelationshipRecord> records = new ArrayList<>();
        for (String kind : KINDS) {
            JsonNode value = relationships.path(kind);
            Set<String> targets = new LinkedHashSet<>();
            addTexts(value.isArray() ? value : value.path("ids"), targets);
            for (String target : targets) {
                records.add(new RelationshipRecord(kind, target, timestamp, origin, timestamp));
            }
        }
        return records;
    }

    private static void addTexts(JsonNode values, Set<String> into) {
        if (values.isTextual()) {
            into.add(values.asText());
        }
        for (JsonNode value : values) {
            if (value.isTextual() && !value.asText().isEmpty()) {
                into.add(value.asText());
            }
        }
    }

    /** {@code entity.source} is a keyword that may hold several values; the first one names the record's source. */
    private static String sourceOf(JsonNode source) {
        JsonNode first = source.isArray() && !source.isEmpty() ? source.get(0) : source;
        return first.isTextual() ? first.asText() : null;
    }

    private static Function<RelationshipRecord, String> sortKey(String field) {
        if (field == null) {
            return RelationshipRecord::timestamp;
        }
        Function<RelationshipRecord, String> key = SORT_KEYS.get(field);
        if (key == null) {
            throw new InvalidRequestException("[request query]: sort_field: must be one of @timestamp, timestamp, kind, "
                    + "target, source");
        }
        return key;
    }

    private static OptionalLong bound(String name, String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        OptionalLong millis = DateValues.parseIso(text);
        if (millis.isEmpty()) {
            throw new InvalidRequestException("[request query]: " + name + ": Invalid ISO datetime");
        }
        return millis;
    }

    private static boolean within(String timestamp, OptionalLong from, OptionalLong to) {
        if (from.isEmpty() && to.isEmpty()) {
            return true;
        }
        OptionalLong at = timestamp == null ? OptionalLong.empty() : DateValues.parseIso(timestamp);
        return at.isPresent() && (from.isEmpty() || at.getAsLong() >= from.getAsLong())
                && (to.isEmpty() || at.getAsLong() <= to.getAsLong());
    }
}
