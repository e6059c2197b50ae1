package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import java.io.IOException;

/** Records and settings to and from their stored JSON text, with one shared mapper (it is thread-safe). */
final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree built by Jackson always serialises; only a POJO node holding something odd gets here.
            throw new IllegalArgumentException("record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** As {@link #write}, as the UTF-8 bytes SQLite stores: no String, no second encoding at the bind. */
    static byte[] writeUtf8(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON array of strings (a list of ids as one statement parameter). */
    static String writeStrings(java.util.List<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("strings cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses stored text; the bytes are the column's UTF-8, which spares a String copy. */
    static ObjectNode read(byte[] json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new StoreUnavailableException("Stored " + what + " is not a JSON object", null);
        } catch (IOException e) {
            throw new StoreUnavailableException("Stored " + what + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
