package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;

/**
 * A record answered as the store holds its JSON text, copied into the answer instead of parsed into a tree
 * and serialized again: a page of 100 entities is ~100 KB of such text. Stored text is what Jackson wrote
 * from a record's tree, so writing the parsed tree again would give the same text.
 */
final class StoredText {
    private StoredText() {
    }

    /** The text as a node that an answer writes as it is. */
    static JsonNode raw(byte[] json) {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(new String(json, StandardCharsets.UTF_8)));
    }

    /**
     * Whether no object in the text has a member named {@code key}: the quoted name appears nowhere. Stored
     * text never escapes the letters of a plain name, so a member of that name would appear as it is; the
     * quoted name as a value only makes the answer read the record the long way.
     */
    static boolean lacksKey(byte[] json, String key) {
        byte[] quoted = ('"' + key + '"').getBytes(StandardCharsets.UTF_8);
        int last = json.length - quoted.length;
        for (int i = 0; i <= last; i++) {
            if (json[i] == '"' && matchesAt(json, i, quoted)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAt(byte[] json, int at, byte[] quoted) {
        for (int j = 1; j < quoted.length; j++) {
            if (json[at + j] != quoted[j]) {
                return false;
            }
        }
        return true;
    }
}
