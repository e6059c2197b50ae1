package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedChange;
import dev.entitystore.domain.history.FieldChanges;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A change of the feed served from its stored text. The writer stores a change as {@link EntityChange#toJson}
 * writes it, its {@code fields} last, so an update's or a delete's text is already the answer and is handed
 * over as it is. A create keeps the created record under {@code created} instead of {@code fields}: only
 * that record is parsed and flattened, and the stored header is kept before it.
 *
 * <p>The header's keys are found by their first occurrence: they come before {@code fields} or {@code created},
 * and a JSON string never holds an unescaped quote, so {@code ,"key":} cannot occur inside a value before them.
 */
final class StoredFeedChange implements FeedChange {
    private static final byte[] CREATED = ",\"created\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FIELDS = ",\"fields\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENTITY_TYPE = ",\"entityType\":".getBytes(StandardCharsets.UTF_8);

    private final long seq;
    private final byte[] json;

    private StoredFeedChange(long seq, byte[] json) {
        this.seq = seq;
        this.json = json;
    }

    /** The change stored at {@code seq} as {@code stored}, in the answer's shape. */
    static StoredFeedChange of(long seq, byte[] stored) {
        for (int i = 0; i < stored.length - 1; i++) {
            if (stored[i] == ',' && stored[i + 1] == '"') { // a key: outside strings only (see above)
                if (startsWith(stored, i, FIELDS)) {
                    break;
                }
                if (startsWith(stored, i, CREATED)) {
                    return new StoredFeedChange(seq, reshapeCreate(seq, stored, i));
                }
            }
        }
        return new StoredFeedChange(seq, stored);
    }

    /**
     * Whether the stored change's {@code entityType} is one of {@code types} (any when empty), read from its
     * header without parsing it; a change without one (null) is of none.
     */
    static boolean ofType(byte[] stored, Set<String> types) {
        if (types.isEmpty()) {
            return true;
        }
        int key = indexOf(stored, ENTITY_TYPE);
        if (key < 0) {
            return false;
        }
        int value = key + ENTITY_TYPE.length;
        for (String type : types) {
            if (startsWith(stored, value, ("\"" + type + "\"").getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public byte[] json() {
        return json;
    }

    @Override
    public EntityChange change() {
        return EntityChange.fromJson(JsonCodec.read(json, "change " + seq), seq);
    }

    /** The header as stored, then the created record's paths, each with its value as {@code after}. */
    private static byte[] reshapeCreate(long seq, byte[] stored, int created) {
        ObjectNode record = JsonCodec.read(Arrays.copyOfRange(stored, created + CREATED.length, stored.length - 1),
                "created record of change " + seq);
        byte[] fields = JsonCodec.writeUtf8(FieldChanges.between(Map.of(), FieldChanges.leaves(record)));
        return ByteBuffer.allocate(created + FIELDS.length + fields.length + 1)
                .put(stored, 0, created).put(FIELDS).put(fields).put((byte) '}').array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (startsWith(haystack, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length - at >= prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
