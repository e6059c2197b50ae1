package dev.entitystore.domain.transfer;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed export (records read as JSON bytes, never as trees) writes byte for byte what the tree-based
 * export wrote ({@link TreeExportReference}), in both formats, with and without {@code fields}, on random
 * records that have what stored records can have: dotted and empty keys, escapes, every number form,
 * nulls, empty objects and arrays, arrays of anything.
 */
class StreamedExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("entity", "host", "name", "id", "ip", "attributes", "a", "b",
            "a.b", "", "é", "we\"ird", "line\nbreak", "EngineMetadata", "Type");

    @Test
    void randomRecordsExportAsTheTreesDid() throws IOException {
        for (long seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            List<ObjectNode> trees = new ArrayList<>();
            List<byte[]> stored = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                byte[] json = JSON.writeValueAsBytes(record(random));
                stored.add(json);
                trees.add((ObjectNode) JSON.readTree(json)); // as the store parses what it keeps
            }
            List<String> fields = random.nextInt(3) == 0 ? List.of() : fields(random, trees);
            for (TransferFormat format : TransferFormat.values()) {
                assertThat(streamed(stored, format, fields))
                        .as("seed %d, %s, fields %s", seed, format, fields)
                        .isEqualTo(TreeExportReference.write(trees, format, fields));
            }
        }
    }

    @Test
    void aPathAndAPathInsideItKeepTheWholeValueWhereTheFirstOfThemPutIt() throws IOException {
        ObjectNode record = obj("{'z':1,'host':{'os':{'name':'l','v':2},'name':'h'},'user':{'name':'u'},"
                + "'entity':{'id':'host:h','EngineMetadata':{'Type':'host'},'x':true}}");
        List<String> fields = List.of("user.name", "host.os.name", "z", "host", "entity");
        String expected = TreeExportReference.write(List.of(record), TransferFormat.NDJSON, fields);
        assertThat(streamed(List.of(JSON.writeValueAsBytes(record)), TransferFormat.NDJSON, fields))
                .isEqualTo(expected)
                .isEqualTo("{\"type\":\"host\",\"doc\":{\"entity\":{\"id\":\"host:h\",\"EngineMetadata\":{\"Type\":\"host\"},"
                        + "\"x\":true},\"user\":{\"name\":\"u\"},\"host\":{\"os\":{\"name\":\"l\",\"v\":2},\"name\":\"h\"},"
                        + "\"z\":1}}\n");
    }

    @Test
    void aDottedKeyIsAColumnOfTheFlattenedRecordButNoCellOfIt() throws IOException {
        ObjectNode record = obj("{'a.b':5,'a':{'b':'x'},'entity':{'id':'e','EngineMetadata':{'Type':'generic'}}}");
        String expected = TreeExportReference.write(List.of(record), TransferFormat.CSV, List.of());
        assertThat(streamed(List.of(JSON.writeValueAsBytes(record)), TransferFormat.CSV, List.of()))
                .isEqualTo(expected)
                .isEqualTo("type,a.b:json,entity.id,entity.EngineMetadata.Type\r\ngeneric,\"\"\"x\"\"\",e,generic\r\n");
    }

    private static String streamed(List<byte[]> stored, TransferFormat format, List<String> fields) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EntityExport.write(visitor -> {
            for (byte[] json : stored) {
                visitor.record(json);
            }
        }, format, fields, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ObjectNode record(Random random) {
        ObjectNode record = object(random, 3);
        if (random.nextInt(4) > 0) {
            ObjectNode entity = record.putObject("entity");
            entity.put("id", "host:" + random.nextInt(5));
            JsonNode type = random.nextInt(5) == 0 ? F.numberNode(7) : F.textNode(random.nextBoolean() ? "host" : "u\"ser");
            entity.putObject("EngineMetadata").set("Type", type);
            if (random.nextBoolean()) {
                entity.set(KEYS.get(random.nextInt(KEYS.size())), value(random, 2));
            }
        }
        return record;
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = F.objectNode();
        for (int i = 0, size = random.nextInt(5); i < size; i++) {
            node.set(KEYS.get(random.nextInt(KEYS.size())), value(random, depth - 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 10)) {
            case 0, 1 -> F.textNode(text(random));
            case 2 -> F.numberNode(random.nextInt(2000) - 1000);
            case 3 -> F.numberNode(random.nextLong());
            case 4 -> F.numberNode(new BigInteger("123456789012345678901234567890").multiply(BigInteger.valueOf(random.nextInt(9) + 1)));
            case 5 -> F.numberNode(List.of(1.5, -0.0, 1e20, 1.0E-5, 3.0, 123456.789).get(random.nextInt(6)));
            case 6 -> F.booleanNode(random.nextBoolean());
            case 7 -> F.nullNode();
            case 8 -> {
                ArrayNode strings = F.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    strings.add(text(random));
                }
                yield strings;
            }
            case 9 -> {
                ArrayNode mixed = F.arrayNode();
                mixed.add(text(random));
                mixed.add(random.nextInt(3) == 0 ? F.nullNode() : F.numberNode(random.nextInt(9)));
                mixed.add(F.arrayNode().add("in").add(F.objectNode().put("k.k", 1)));
                yield mixed;
            }
            default -> object(random, depth);
        };
    }

    private static String text(Random random) {
        return List.of("v", "=cmd", "+1", "-2", "@a", "'=x", "a|b", "back\\slash", "com,ma", "quo\"te", "new\nline",
                "tab\tstart", "\rcr", "ünï €", "\u0001ctl", "", " ").get(random.nextInt(17)) + random.nextInt(3);
    }

    /** Paths the records have (leaves, objects, dotted keys' paths), prefixes, deeper-than-a-value and missing ones. */
    private static List<String> fields(Random random, List<ObjectNode> records) {
        List<String> pool = new ArrayList<>(List.of("entity.id", NdjsonLines.TYPE_PATH, "entity", "host", "a.b",
                "missing", "entity.id.deeper", "", ".x", "host.name"));
        for (ObjectNode record : records) {
            dev.entitystore.domain.document.Flattener.forEachLeaf(record, (path, value) -> {
                pool.add(path);
                int dot = path.lastIndexOf('.');
                if (dot > 0) {
                    pool.add(path.substring(0, dot));
                }
            });
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            String field = pool.get(random.nextInt(pool.size()));
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }
}
