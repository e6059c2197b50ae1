package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes export lines, {@code {"type":"<type>","doc":<record>}\n}, as UTF-8 straight to the response. A
 * record read as stored JSON is copied as it is: only its type is read from it, by a streaming parse that
 * skips everything else, so no tree is built (the cost of a 1M export was mostly building and writing
 * trees).
 */
final class NdjsonLines {
    static final String TYPE_PATH = "entity.EngineMetadata.Type";
    private static final String[] TYPE_KEYS = TYPE_PATH.split("\\.");
    static final String DEFAULT_TYPE = "generic";
    private static final byte[] SUFFIX = "}\n".getBytes(StandardCharsets.UTF_8);
    /** Line openings by type; types are few (the four, and whatever a forced write stamped). */
    private static final Map<String, byte[]> PREFIXES = new ConcurrentHashMap<>();

    private final OutputStream out;

    NdjsonLines(OutputStream out) {
        this.out = out;
    }

    /** A record as stored: compact JSON text of an object. */
    void stored(byte[] json) throws IOException {
        String type = StoredTypeScan.typeOf(json);
        if (type == StoredTypeScan.UNSURE) {
            type = typeOf(json);
        } else if (type == null) {
            type = DEFAULT_TYPE;
        }
        out.write(prefix(type));
        out.write(json);
        out.write(SUFFIX);
    }

    /** A line of {@code type} around a document written elsewhere. */
    void line(String type, ByteArrayOutputStream doc) throws IOException {
        out.write(prefix(type));
        doc.writeTo(out);
        out.write(SUFFIX);
    }

    private static byte[] prefix(String type) {
        byte[] prefix = PREFIXES.get(type);
        if (prefix == null) {
            String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(type));
            prefix = ("{\"type\":\"" + quoted + "\",\"doc\":").getBytes(StandardCharsets.UTF_8);
            if (PREFIXES.size() < 64) {
                PREFIXES.put(type, prefix);
            }
        }
        return prefix;
    }

    /** The record's {@value #TYPE_PATH} when it is a string, else {@value #DEFAULT_TYPE}, read from its JSON text. */
    static String typeOf(byte[] json) throws IOException {
        try (JsonParser parser = ValueSpans.parse(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return DEFAULT_TYPE;
            }
            String type = find(parser, 0);
            return type == null ? DEFAULT_TYPE : type;
        }
    }

    /** Inside an object at {@code depth} of the type's path: its value there, or {@code null}. */
    private static String find(JsonParser parser, int depth) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(TYPE_KEYS[depth])) {
                if (depth == TYPE_KEYS.length - 1) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                return value == JsonToken.START_OBJECT ? find(parser, depth + 1) : null;
            }
            parser.skipChildren();
        }
        return null;
    }
}
