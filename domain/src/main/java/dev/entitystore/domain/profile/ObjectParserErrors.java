package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.error.ProfileRequestException.BodyField;
import java.util.List;

/**
 * The two refusals of Elasticsearch's object parsers, with their texts and the field they stop at:
 * {@code [<parser>] unknown field [<name>]} at the field's name, {@code [<parser>] <name> doesn't support
 * values of type: <TOKEN>} at its value.
 */
final class ObjectParserErrors {
    private ObjectParserErrors() {
    }

    static ProfileRequestException unknownField(String parser, List<String> path) {
        return ProfileRequestException.contentParse("[" + parser + "] unknown field [" + path.get(path.size() - 1) + "]",
                new BodyField(path, false));
    }

    static ProfileRequestException unsupportedValue(String parser, List<String> path, JsonNode value) {
        return ProfileRequestException.contentParse("[" + parser + "] " + path.get(path.size() - 1)
                + " doesn't support values of type: " + ParserTokens.of(value), new BodyField(path, true));
    }
}
