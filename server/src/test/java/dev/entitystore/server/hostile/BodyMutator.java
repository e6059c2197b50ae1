package dev.entitystore.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid request body into a hostile one, driven by a seeded {@link Random}: truncations, type
 * swaps, huge and deep values, long arrays, unknown and duplicated keys, bad UTF-8, odd unicode, extreme
 * numbers, raw escapes (lone surrogates), or something that is not the body at all. Each mutation names itself for the fuzz summary.
 */
final class BodyMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD_TEXT = {
        "\u0000", "\u202e\u0635", "\u200b", "\ud83d\ude00", "e\u0301\u0301\u0301", "\uffff",
        "\\\"", "%00", "<script>", "' or 1=1 --", "../../etc", "\t\n", "host:", "*", "",
    };
    private static final String[] ODD_NUMBERS = {"1e400", "-0", "1e-400", "123456789012345678901234567890", "-1",
        "0.0000001", "9007199254740993", "1" + "0".repeat(1_200), "NaN", "0x10", "01", "+1", ".5",
        "\"\\ud800\"", "\"\\udfff x\"", "\"\\u0000\"", "\"\\x41\""};
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

    private final Random random;

    BodyMutator(Random random) {
        this.random = random;
    }

    record Mutated(String name, byte[] body) {}

    Mutated mutate(String valid) {
        int kind = random.nextInt(15);
        return switch (kind) {
            case 0 -> new Mutated("truncated", utf8(valid.substring(0, random.nextInt(Math.max(1, valid.length())))));
            case 1 -> tree("type-swap", valid, this::swapType);
            case 2 -> tree("huge-string", valid, node -> text("x".repeat(pick(65_535, 65_536, 65_537, 200_000))));
            case 3 -> tree("deep", valid, this::deep);
            case 4 -> tree("long-array", valid, node -> longArray());
            case 5 -> tree("odd-unicode", valid, node -> text("v" + ODD_TEXT[random.nextInt(ODD_TEXT.length)] + "w"));
            case 6 -> new Mutated("bad-utf8", badUtf8(valid));
            case 7 -> new Mutated("duplicate-key", utf8(duplicateKey(valid)));
            case 8 -> tree("unknown-key", valid, node -> node);
            case 9 -> new Mutated("odd-number", utf8(replaceAValue(valid, ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)])));
            case 10 -> new Mutated("not-an-object", utf8(pick("null", "[]", "\"text\"", "42", "true", "", " ", "{}{}", "[{}]")));
            case 11 -> new Mutated("random-bytes", randomBytes());
            case 12 -> tree("long-key", valid, node -> node);
            case 13 -> tree("null-value", valid, node -> NODES.nullNode());
            default -> new Mutated("valid", utf8(valid));
        };
    }

    /** Parses the valid body, changes one random spot with {@code change} (or adds a key), writes it out. */
    private Mutated tree(String name, String valid, java.util.function.UnaryOperator<JsonNode> change) {
        try {
            JsonNode root = JSON.readTree(valid);
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (name.equals("unknown-key") || name.equals("long-key")) {
                String key = name.equals("long-key") ? "k".repeat(pick(1_024, 1_025, 5_000)) : "fz" + random.nextInt(1_000);
                if (target instanceof ObjectNode object) {
                    object.put(key, "x");
                } else {
                    ((ArrayNode) target).add(NODES.objectNode().put(key, "x"));
                }
            } else if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> keys = new ArrayList<>();
                object.fieldNames().forEachRemaining(keys::add);
                String key = keys.get(random.nextInt(keys.size()));
                object.set(key, change.apply(object.get(key)));
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                int index = random.nextInt(array.size());
                array.set(index, change.apply(array.get(index)));
            } else if (target instanceof ObjectNode object) {
                object.set("fz", change.apply(NODES.nullNode()));
            } else {
                ((ArrayNode) target).add(change.apply(NODES.nullNode()));
            }
            return new Mutated(name, JSON.writeValueAsBytes(root));
        } catch (Exception e) {
            throw new IllegalStateException("seed bodies are valid JSON: " + valid, e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private JsonNode swapType(JsonNode node) {
        return switch (random.nextInt(6)) {
            case 0 -> text(String.valueOf(random.nextInt()));
            case 1 -> NODES.numberNode(random.nextInt(3) == 0 ? random.nextDouble() * 1e300 : random.nextInt(1_000));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.arrayNode().add(node == null ? NODES.nullNode() : node);
            default -> NODES.objectNode().set("v", node == null ? NODES.nullNode() : node);
        };
    }

    private JsonNode deep(JsonNode node) {
        JsonNode value = node == null ? NODES.nullNode() : node;
        int levels = pick(20, 99, 101, 150);
        for (int i = 0; i < levels; i++) {
            value = random.nextBoolean() ? NODES.arrayNode().add(value) : NODES.objectNode().set("d", value);
        }
        return value;
    }

    private JsonNode longArray() {
        ArrayNode array = NODES.arrayNode();
        int items = pick(3, 10_000, 10_001, 40_000);
        for (int i = 0; i < items; i++) {
            array.add(i % 7);
        }
        return array;
    }

    private String duplicateKey(String valid) {
        int brace = valid.indexOf('{');
        if (brace < 0) {
            return valid;
        }
        int quote = valid.indexOf('"', brace);
        int end = quote < 0 ? -1 : valid.indexOf('"', quote + 1);
        if (end < 0) {
            return valid;
        }
        String key = valid.substring(quote, end + 1);
        return valid.substring(0, brace + 1) + key + ":" + pick("1", "\"dup\"", "null", "{}") + "," + valid.substring(brace + 1);
    }

    /** Swaps the first scalar after a colon for a raw literal (which may not be JSON at all). */
    private String replaceAValue(String valid, String literal) {
        int colon = valid.indexOf(':', random.nextInt(Math.max(1, valid.length())));
        if (colon < 0) {
            colon = valid.indexOf(':');
        }
        if (colon < 0) {
            return literal;
        }
        int end = colon + 1;
        while (end < valid.length() && ",}]".indexOf(valid.charAt(end)) < 0) {
            end++;
        }
        return valid.substring(0, colon + 1) + literal + valid.substring(end);
    }

    private byte[] badUtf8(String valid) {
        byte[] bytes = utf8(valid);
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        out.write(bad, 0, bad.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
