package dev.entitystore.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private static ObjectNode byMaps(ObjectNode before, ObjectNode after) {
        return FieldChanges.between(FieldChanges.leaves(before), FieldChanges.leaves(after));
    }

    @Test
    void anObjectThatBecomesAScalarIsAnAdditionAndItsLeavesAreRemovals() throws Exception {
        ObjectNode before = json("{\"host\":{\"os\":{\"name\":\"linux\",\"version\":\"6\"}},\"tags\":[1,2]}");
        ObjectNode after = json("{\"host\":{\"os\":\"linux\"},\"tags\":[1,2],\"new\":{}}");
        ObjectNode fields = RecordDiff.between(before, after);
        assertThat(fields.toString()).isEqualTo("{\"host.os\":{\"after\":\"linux\"},"
                + "\"host.os.name\":{\"before\":\"linux\"},\"host.os.version\":{\"before\":\"6\"}}");
        assertThat(fields).isEqualTo(byMaps(before, after));
    }

    @Test
    void dottedKeysFollowTheFlattenedDefinition() throws Exception {
        ObjectNode before = json("{\"a.b\":1,\"a\":{\"c\":2}}");
        ObjectNode after = json("{\"a\":{\"b\":1,\"c\":3}}");
        assertThat(RecordDiff.between(before, after)).isEqualTo(byMaps(before, after));
        assertThat(RecordDiff.between(before, after).toString()).isEqualTo("{\"a.c\":{\"before\":2,\"after\":3}}");
    }

    @Test
    void recordsNestedDeeperThanTheWalkKeepsAreDiffedThroughTheMaps() {
        ObjectNode before = NODES.objectNode();
        ObjectNode after = NODES.objectNode();
        ObjectNode b = before;
        ObjectNode a = after;
        for (int depth = 0; depth < 70; depth++) {
            b = b.putObject("k" + depth);
            a = a.putObject("k" + depth);
        }
        b.put("leaf", 1);
        a.put("leaf", 2);
        ObjectNode fields = RecordDiff.between(before, after);
        assertThat(fields).isEqualTo(byMaps(before, after));
        assertThat(fields.size()).isEqualTo(1);
    }

    @Test
    void agreesWithTheMapsOnRandomRecords() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 5_000; i++) {
            ObjectNode before = randomObject(random, 0);
            ObjectNode after = random.nextInt(3) == 0 ? randomObject(random, 0) : mutate(before.deepCopy(), random, 0);
            ObjectNode fields = RecordDiff.between(before, after);
            assertThat(fields).as("%s -> %s", before, after).isEqualTo(byMaps(before, after));
            assertThat(fields.toString()).isEqualTo(byMaps(before, after).toString());
        }
    }

    private static final String[] KEYS = {"a", "b", "c", "host", "name", "x.y"};

    private static ObjectNode randomObject(SplittableRandom random, int depth) {
        ObjectNode node = NODES.objectNode();
        int n = random.nextInt(depth == 0 ? 1 : 0, 5);
        for (int i = 0; i < n; i++) {
            node.set(KEYS[random.nextInt(depth == 0 ? KEYS.length : KEYS.length - 1)], randomValue(random, depth));
        }
        return node;
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth < 3 ? 6 : 5)) {
            case 0 -> NODES.textNode("v" + random.nextInt(3));
            case 1 -> NODES.numberNode(random.nextInt(3));
            case 2 -> NODES.nullNode();
            case 3 -> NODES.arrayNode().add(random.nextInt(2)).add("s");
            case 4 -> NODES.booleanNode(random.nextBoolean());
            default -> randomObject(random, depth + 1);
        };
    }

    private static ObjectNode mutate(ObjectNode node, SplittableRandom random, int depth) {
        switch (random.nextInt(4)) {
            case 0 -> node.set(KEYS[random.nextInt(KEYS.length - 1)], randomValue(random, depth));
            case 1 -> {
                if (!node.isEmpty()) {
                    node.remove(node.fieldNames().next());
                }
            }
            default -> node.fields().forEachRemaining(e -> {
                if (e.getValue() instanceof ObjectNode nested && random.nextBoolean()) {
                    mutate(nested, random, depth + 1);
                }
            });
        }
        return node;
    }
}
