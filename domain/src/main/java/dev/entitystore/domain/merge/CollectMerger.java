package dev.entitystore.domain.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Flattener;
import dev.entitystore.domain.entity.EntityDefinition;
import dev.entitystore.domain.entity.FieldDefinition;
import dev.entitystore.domain.entity.FieldPath;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The legacy v1 upsert rule (product rules §3.7), applied leaf by leaf as v1's script did: a field
 * whose retention is {@code collect} becomes the union of the stored values and the new ones (stored
 * first, then new values not yet present, without duplicates, cut to the limit); every other leaf is
 * replaced, creating the objects on its way. Leaves the patch does not name are kept.
 * <p>
 * Fields v1 kept as one value ({@link LegacyScalarFields}) are replaced even where the v2 definition
 * collects them.
 * <p>
 * The limit is the engine's {@code fieldHistoryLength} when the engine has one (product rules §3.4), else the
 * field definition's own.
 */
public final class CollectMerger {
    private final EntityDefinition definition;
    private final OptionalInt fieldHistoryLength;

    public CollectMerger(EntityDefinition definition, OptionalInt fieldHistoryLength) {
        this.definition = definition;
        this.fieldHistoryLength = fieldHistoryLength;
        fieldHistoryLength.ifPresent(limit -> {
            if (limit < 1) {
                throw new IllegalArgumentException("fieldHistoryLength must be positive, got " + limit);
            }
        });
    }

    /** A new record: {@code stored} (or nothing, when {@code null}) with {@code patch} applied. */
    public ObjectNode merge(ObjectNode stored, ObjectNode patch) {
        ObjectNode result = stored == null ? JsonNodeFactory.instance.objectNode() : stored.deepCopy();
        Flattener.forEachLeaf(patch, (path, incoming) -> {
            FieldDefinition field = definition.field(path).orElse(null);
            JsonNode merged = field != null && field.retention().isCollect()
                    && !LegacyScalarFields.isScalarInV1(definition.type(), path)
                    ? union(FieldPath.get(result, path), incoming, limitOf(field))
                    : incoming.deepCopy();
            FieldPath.set(result, path, merged);
        });
        return result;
    }

    int limitOf(FieldDefinition field) {
        return fieldHistoryLength.orElse(field.retention().maxLength());
    }

    /**
     * Stored values first, then the new ones not yet present, each once, at most {@code limit}. With no
     * stored value a scalar is written as sent; otherwise the result is an array.
     */
    static JsonNode union(JsonNode stored, JsonNode incoming, int limit) {
        boolean nothingStored = stored == null || stored.isNull() || stored.isMissingNode();
        if ((nothingStored && !incoming.isArray()) || (stored != null && stored.isObject())) {
            // an object stored where v1 has a list (v2's relationship object) is replaced, not mixed in
            return incoming.deepCopy();
        }
        Set<JsonNode> values = new LinkedHashSet<>();
        if (!nothingStored) {
            addValues(values, stored, limit);
        }
        addValues(values, incoming, limit);
        ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
        for (JsonNode value : values) {
            array.add(value.deepCopy());
        }
        return array;
    }

    private static void addValues(Set<JsonNode> values, JsonNode node, int limit) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (values.size() >= limit) {
                    return;
                }
                values.add(element);
            }
        } else if (values.size() < limit) {
            values.add(node);
        }
    }
}
