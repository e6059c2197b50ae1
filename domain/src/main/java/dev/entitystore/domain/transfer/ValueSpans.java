package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Where a value lies in the JSON bytes a parser reads: from its first byte to just past its last. A record's
 * stored JSON is compact Jackson output, so a value's bytes are exactly what writing its parsed node gives;
 * copying them spares building and writing the node.
 */
final class ValueSpans {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ValueSpans() {
    }

    /** Reads the members of an object. */
    @FunctionalInterface
    interface Members {
        void read(JsonParser parser) throws IOException;
    }

    /** Hands {@code members} a parser of a record's JSON bytes, placed inside its object (nothing else is read). */
    static void readObject(byte[] json, Members members) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                members.read(parser);
            }
        }
    }

    /** A parser of a record's JSON bytes. */
    static JsonParser parse(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** The offset of the current token's first byte. */
    static int start(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** Consumes the current value (an object or array to its end) and answers the offset just past it. */
    static int end(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return (int) parser.currentTokenLocation().getByteOffset() + 1;
        }
        parser.finishToken();
        return (int) parser.currentLocation().getByteOffset();
    }
}
