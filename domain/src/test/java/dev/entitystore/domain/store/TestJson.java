package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON builders for store tests. */
public final class TestJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }

    /** {@code obj("a", 1, "b", "x")} → {"a":1,"b":"x"}. */
    public static ObjectNode obj(Object... keysAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A merge that sets one top-level field, creating the record when absent. */
    public static EntityMerge setField(String field, Object value) {
        return current -> {
            ObjectNode source = current.map(StoredEntity::source).orElseGet(MAPPER::createObjectNode);
            source.set(field, MAPPER.valueToTree(value));
            return MergeDecision.write(source);
        };
    }

    /** A merge that sets one field of an existing record and reports a missing one. */
    public static EntityMerge updateField(String field, Object value) {
        return current -> {
            if (current.isEmpty()) {
                return MergeDecision.notFound();
            }
            ObjectNode source = current.get().source();
            source.set(field, MAPPER.valueToTree(value));
            return MergeDecision.write(source);
        };
    }
}
