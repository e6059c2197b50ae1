package dev.entitystore.domain.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When each relationship value an entity holds now was written, from its change history: the last write
 * that carried it, and the write that added it (the start of its current presence: a value removed and
 * written again counts from the second time). Read newest first, and no further back than needed.
 */
final class RelationshipTimes {
    private static final int PAGE = 1_000;
    /** A walk this long stops; values it has not timed keep the record's own time. */
    private static final int MAX_CHANGES = 20_000;

    private final EntityHistory history;

    RelationshipTimes(EntityHistory history) {
        this.history = history;
    }

    /** Epoch milliseconds of the first and the last write of one value. */
    record Times(long first, long last) {
    }

    /** The times of each of {@code current} (kind → targets) that the history knows, by kind then target. */
    Map<String, Map<String, Times>> of(String space, String id, Map<String, Set<String>> current) {
        Map<String, Map<String, Long>> last = new HashMap<>();
        Map<String, Map<String, Times>> timed = new HashMap<>();
        int open = current.values().stream().mapToInt(Set::size).sum();
        List<String> paths = current.keySet().stream().map(kind -> "entity.relationships." + kind).toList();
        HistoryQuery query = new HistoryQuery(null, PAGE, null, null, paths);
        int read = 0;
        while (open > 0 && read < MAX_CHANGES) {
            HistoryPage page = history.changes(space, id, query);
            for (EntityChange change : page.changes()) {
                for (Map.Entry<String, Set<String>> kind : current.entrySet()) {
                    open -= apply(change, kind.getKey(), kind.getValue(), last, timed);
                }
            }
            read += page.changes().size();
            if (page.next().isEmpty()) {
                break;
            }
            query = query.before(page.next().get(), PAGE);
        }
        return timed;
    }

    /** Applies one change to one kind's values; returns how many values it finished timing. */
    private static int apply(EntityChange change, String kind, Set<String> targets, Map<String, Map<String, Long>> last,
                             Map<String, Map<String, Times>> timed) {
        // v2 keeps the ids under .ids; v1 a flat list at the kind itself.
        JsonNode field = change.fields().get("entity.relationships." + kind + ".ids");
        if (field == null) {
            field = change.fields().get("entity.relationships." + kind);
        }
        if (field == null) {
            return 0;
        }
        Set<String> before = texts(field.get("before"));
        Set<String> after = texts(field.get("after"));
        Map<String, Long> kindLast = last.computeIfAbsent(kind, k -> new HashMap<>());
        Map<String, Times> kindTimed = timed.computeIfAbsent(kind, k -> new HashMap<>());
        int finished = 0;
        for (String target : targets) {
            if (kindTimed.containsKey(target) || !after.contains(target)) {
                continue;
            }
            kindLast.putIfAbsent(target, change.timeMillis());
            if (!before.contains(target)) {
                kindTimed.put(target, new Times(change.timeMillis(), kindLast.get(target)));
                finished++;
            }
        }
        return finished;
    }

    private static Set<String> texts(JsonNode values) {
        Set<String> texts = new HashSet<>();
        if (values == null) {
            return texts;
        }
        if (values.isTextual()) {
            texts.add(values.asText());
        }
        values.forEach(value -> {
            if (value.isTextual()) {
                texts.add(value.asText());
            }
        });
        return texts;
    }
}
