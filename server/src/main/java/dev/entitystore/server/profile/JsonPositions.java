package dev.entitystore.server.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entitystore.domain.error.ProfileRequestException.BodyField;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Elasticsearch's {@code [line:column]} of a field in a JSON body: where its parser stands when it
 * refuses the field, at the field's name (an unknown field) or at its value (a value of the wrong type).
 * Both are Jackson's token locations, 1-based, as Elasticsearch's {@code XContentLocation} prints them.
 */
final class JsonPositions {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonPositions() {
    }

    /** {@code [1:12]}, or empty when the body does not hold the field (or is not JSON). */
    static Optional<String> of(byte[] body, BodyField field) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            return find(parser, field.path(), 0, field.atValue())
                    .map(at -> "[" + at.getLineNr() + ":" + at.getColumnNr() + "]");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** From the start of an object: the first field on the path; leaves the parser at the object's end when absent. */
    private static Optional<JsonLocation> find(JsonParser parser, List<String> path, int level, boolean atValue)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean onPath = parser.currentName().equals(path.get(level));
            JsonLocation name = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            if (onPath && level == path.size() - 1) {
                return Optional.of(atValue ? parser.currentTokenLocation() : name);
            }
            if (onPath && value == JsonToken.START_OBJECT) {
                Optional<JsonLocation> found = find(parser, path, level + 1, atValue);
                if (found.isPresent()) {
                    return found;
                }
            } else {
                parser.skipChildren();
            }
        }
        return Optional.empty();
    }
}
