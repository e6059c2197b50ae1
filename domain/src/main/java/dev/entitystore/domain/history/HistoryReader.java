package dev.entitystore.domain.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoredEntity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads an entity's past: its changes, newest first, and the record as it was at a given time. Entities
 * are addressed by EUID and type as the GET of one entity addresses them; one that never had a change
 * nor a record is a 404, one deleted keeps its history.
 */
public final class HistoryReader {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1_000;

    private final EntityStore store;
    private final EntityHistory history;
    private final RecordAsOf past;

    public HistoryReader(EntityStore store, EntityHistory history) {
        this.store = store;
        this.history = history;
        this.past = new RecordAsOf(store, history);
    }

    /**
     * The entity's changes, newest first.
     *
     * @param size        page size (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE})
     * @param searchAfter the previous page's {@code nextSearchAfter}, or null
     * @param from        ISO-8601 lower bound (inclusive), or null
     * @param to          ISO-8601 upper bound (inclusive), or null
     * @param fields      only changes touching these paths; null or empty for all
     */
    public HistoryPage changes(String space, EntityType type, String euid, Integer size, String searchAfter, String from,
                               String to, List<String> fields) {
        HistoryQuery query = new HistoryQuery(cursor(searchAfter), size == null ? DEFAULT_SIZE : size,
                time("from", from), time("to", to), paths(fields));
        String id = EntityIds.documentId(euid);
        HistoryPage page = history.changes(space, id, query);
        if (page.isEmpty()) {
            requireKnown(space, id, type, euid);
        } else if (!ofType(page.firstEntityType(), type)) {
            throw EntityErrors.notFound(euid);
        }
        return page;
    }

    /** The entity as it was at {@code asOf} (ISO-8601), in the shape of today's record; 404 if it did not exist then. */
    public ObjectNode asOf(String space, EntityType type, String euid, String asOf) {
        long at = time("as_of", asOf);
        String id = EntityIds.documentId(euid);
        HistoryQuery atOrBefore = new HistoryQuery(null, 1, null, at, List.of());
        List<EntityChange> last = history.changes(space, id, atOrBefore).changes();
        if (last.isEmpty() || last.get(0).op() == ChangeOp.DELETE || !ofType(last.get(0).entityType(), type)) {
            throw EntityErrors.notFound(euid);
        }
        return past.at(space, id, last.get(0), at);
    }

    private void requireKnown(String space, String id, EntityType type, String euid) {
        Optional<StoredEntity> stored = store.get(space, id);
        boolean hadChanges = !history.changes(space, id, HistoryQuery.newest(1)).isEmpty();
        String storedType = stored.map(s -> s.source().path("entity").path("EngineMetadata").path("Type"))
                .filter(JsonNode::isTextual).map(JsonNode::textValue).orElse(null);
        if ((stored.isEmpty() && !hadChanges) || !ofType(storedType, type)) {
            throw EntityErrors.notFound(euid);
        }
    }

    /** A record stamped with another type is not this type's entity (as the GET of one entity decides). */
    private static boolean ofType(String recordType, EntityType type) {
        return recordType == null || recordType.equals(type.wireName());
    }

    /** Repeated parameters or comma-separated values, as the list's {@code fields} takes them. */
    private static List<String> paths(List<String> fields) {
        return fields == null ? List.of() : fields.stream().flatMap(f -> Arrays.stream(f.split(","))).map(String::strip)
                .filter(f -> !f.isEmpty()).toList();
    }

    private static Long cursor(String searchAfter) {
        if (searchAfter == null) {
            return null;
        }
        try {
            long seq = Long.parseLong(searchAfter);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidRequestException("[request query]: searchAfter: expected the nextSearchAfter of a previous page, got '"
                + searchAfter + "'");
    }

    private static Long time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException again) {
                throw new InvalidRequestException("[request query]: " + name + ": expected an ISO-8601 date-time, got '"
                        + value + "'");
            }
        }
    }
}
