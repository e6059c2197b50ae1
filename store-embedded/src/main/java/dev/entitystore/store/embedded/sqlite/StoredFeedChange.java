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
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    private final long seq;
    private final byte[] json;
    /** Where the header's {@code entityType} value starts in {@link #json}; -1 when it has none. */
    private final int typeAt;

    private StoredFeedChange(long seq, byte[] json, int typeAt) {
        this.seq = seq;
        this.json = json;
        this.typeAt = typeAt;
    }

    /** The change stored at {@code seq} as {@code stored}, in the answer's shape. */
    static StoredFeedChange of(long seq, byte[] stored) {
        int typeAt = -1;
        for (int i = 0; i < stored.length - 2; i++) {
            if (stored[i] != ',' || stored[i + 1] != '"') {
                continue; // a key starts ," outside strings only (see above)
            }
            byte initial = stored[i + 2]; // tells the keys looked for apart before comparing them whole
            if (initial == 'f' && StoredBytes.startsWith(stored, i, FIELDS)) {
                break;
            }
            if (initial == 'c' && StoredBytes.startsWith(stored, i, CREATED)) {
                return new StoredFeedChange(seq, reshapeCreate(seq, stored, i), typeAt); // the header is kept as stored
            }
            if (initial == 'e' && typeAt < 0 && StoredBytes.startsWith(stored, i, ENTITY_TYPE)) {
                typeAt = i + ENTITY_TYPE.length;
            }
        }
        return new StoredFeedChange(seq, stored, typeAt);
    }

    /**
     * Whether the stored change's {@code entityType} is one of {@code types} (any when empty), read from its
     * header without parsing it; a change without one (null) is of none.
     */
    static boolean ofType(byte[] stored, Set<String> types) {
        if (types.isEmpty()) {
            return true;
        }
        int key = StoredBytes.indexOf(stored, ENTITY_TYPE);
        if (key < 0) {
            return false;
        }
        int value = key + ENTITY_TYPE.length;
        for (String type : types) {
            if (StoredBytes.startsWith(stored, value, ("\"" + type + "\"").getBytes(StandardCharsets.UTF_8))) {
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

    /** Read from the header when it is a string without escapes or null; otherwise from the parsed change. */
    @Override
    public String entityType() {
        if (typeAt >= 0 && json[typeAt] == '"') {
            for (int end = typeAt + 1; end < json.length && json[end] != '\\'; end++) {
                if (json[end] == '"') {
                    return new String(json, typeAt + 1, end - typeAt - 1, StandardCharsets.UTF_8);
                }
            }
        } else if (typeAt >= 0 && StoredBytes.startsWith(json, typeAt, NULL)) {
            return null;
        }
        return change().entityType();
    }

    /** The header as stored, then the created record's paths, each with its value as {@code after}. */
    private static byte[] reshapeCreate(long seq, byte[] stored, int created) {
        ObjectNode record = JsonCodec.read(Arrays.copyOfRange(stored, created + CREATED.length, stored.length - 1),
                "created record of change " + seq);
        byte[] fields = JsonCodec.writeUtf8(FieldChanges.between(Map.of(), FieldChanges.leaves(record)));
        return ByteBuffer.allocate(created + FIELDS.length + fields.length + 1)
                .put(stored, 0, created).put(FIELDS).put(fields).put((byte) '}').array();
    }

}
