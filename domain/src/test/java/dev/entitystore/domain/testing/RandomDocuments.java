package dev.entitystore.domain.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators for the property tests: the same seed always gives the same document, so a failing
 * case is reproduced by its seed alone. Keys never contain dots and objects are never empty, which are
 * the preconditions of the laws tested.
 */
public final class RandomDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of(
            "entity", "host", "user", "name", "id", "attributes", "watchlists", "asset", "ip", "tags", "a", "b");

    private final Random random;

    public RandomDocuments(long seed) {
        this.random = new Random(seed);
    }

    public ObjectNode object(int depth) {
        ObjectNode node = F.objectNode();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            node.set(KEYS.get(random.nextInt(KEYS.size())), value(depth - 1));
        }
        return node;
    }

    public JsonNode value(int depth) {
        int pick = random.nextInt(depth > 0 ? 6 : 4);
        switch (pick) {
            case 0:
                return F.textNode(word());
            case 1:
                return F.numberNode(random.nextInt(100));
            case 2:
                return F.booleanNode(random.nextBoolean());
            case 3:
                return stringArray(random.nextInt(4));
            case 4:
                return object(depth);
            default:
                ArrayNode mixed = F.arrayNode();
                mixed.add(object(depth - 1));
                mixed.add(word());
                return mixed;
        }
    }

    public ArrayNode stringArray(int size) {
        ArrayNode array = F.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add(word());
        }
        return array;
    }

    /** Short words from a small alphabet, so that arrays often share values. */
    public String word() {
        return "v" + random.nextInt(8);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
