package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.FieldChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A change record that travels inside the entity document whose write it records, so that the write and its
 * change are one atomic document write ({@link #FIELD}, mapped {@code enabled: false}, left out of every
 * answer). The changes index gets it afterwards under an id derived from its {@code nonce}, with
 * {@code op_type=create}, so whoever writes it there (the writer, the record's next writer, a history read,
 * the recovery) writes it once.
 *
 * @param nonce      unique per write, chosen by the writer before the write
 * @param document   the changes index's document without {@code version} ({@link ChangesIndex})
 * @param version    the record's {@code _version} after the write, -1 while the write is not made yet
 * @param fromRecord a create's change kept without its fields: they are the record's own leaves, rebuilt
 *                   from the document that carries it as long as it is that document's own change
 */
record CarriedChange(String nonce, ObjectNode document, long version, boolean fromRecord) {
    /** The entity document's field holding its carried changes, oldest first; the last is its own write's. */
    static final String FIELD = EntityIndexDefinition.CARRIED_CHANGES;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The change once its write is made: at the version it got, a create's fields read from {@code written}. */
    CarriedChange at(long writtenVersion, ObjectNode written) {
        ObjectNode complete = fromRecord
                ? withFields(document, FieldChanges.between(Map.of(), FieldChanges.leaves(written)))
                : document;
        return new CarriedChange(nonce, complete, writtenVersion, false);
    }

    String op() {
        return document.path("op").asText();
    }

    String space() {
        return document.path("space").asText();
    }

    String recordId() {
        return document.path("recordId").asText();
    }

    /** The changes index's document: what the writer built, with the version and, for a create, its fields. */
    ObjectNode completeDocument() {
        if (version < 0 || fromRecord) {
            throw new IllegalStateException("change " + nonce + " is not complete");
        }
        ObjectNode complete = document.deepCopy();
        complete.put("version", version);
        return complete;
    }

    /** {@code source} with {@code changes} as its {@link #FIELD} (a new node: the source is not changed). */
    static ObjectNode embed(ObjectNode source, List<CarriedChange> changes) {
        ObjectNode document = NODES.objectNode();
        document.setAll(source);
        ArrayNode carried = document.putArray(FIELD);
        for (CarriedChange change : changes) {
            ObjectNode element = carried.addObject().put("nonce", change.nonce);
            if (change.version >= 0) {
                element.put("version", change.version);
            }
            if (change.fromRecord) {
                element.put("fromRecord", true);
            }
            element.set("change", change.document);
        }
        return document;
    }

    /**
     * Takes the carried changes out of a document as read ({@code source} is left without them) and completes
     * the last one, the document's own write, with the document's {@code _version} and, for a create kept
     * without fields, the fields of the record it created.
     */
    static List<CarriedChange> takeFrom(ObjectNode source, long documentVersion) {
        JsonNode carried = source.remove(FIELD);
        if (carried == null || !carried.isArray() || carried.isEmpty()) {
            return List.of();
        }
        List<CarriedChange> changes = new ArrayList<>(carried.size());
        for (int i = 0; i < carried.size(); i++) {
            JsonNode element = carried.get(i);
            boolean own = i == carried.size() - 1;
            ObjectNode document = (ObjectNode) element.path("change");
            boolean fromRecord = element.path("fromRecord").asBoolean(false);
            if (fromRecord && own) {
                document = withFields(document, FieldChanges.between(Map.of(), FieldChanges.leaves(source)));
                fromRecord = false;
            }
            changes.add(new CarriedChange(element.path("nonce").asText(), document,
                    own ? documentVersion : element.path("version").asLong(-1), fromRecord));
        }
        return List.copyOf(changes);
    }

    /** {@code document} with {@code fields} and the {@code paths} they name. */
    static ObjectNode withFields(ObjectNode document, ObjectNode fields) {
        ObjectNode complete = document.deepCopy();
        complete.set("fields", fields);
        ArrayNode paths = complete.putArray("paths");
        fields.fieldNames().forEachRemaining(paths::add);
        return complete;
    }
}
