package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ProfileRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code _suggest}, read as Elasticsearch's payload parser reads it: {@code name} (matched
 * against the users' names and emails), {@code size} (default 10), {@code hint} ({@code uids}, and
 * {@code labels} with one key whose value is a string or a list of strings) and {@code data} (which
 * application data to return, as the query parameter of that name, but not both).
 *
 * @param hintLabel the label key hinted at, or null
 * @param hintLabelValues its values (empty when no label is hinted)
 */
public record ProfileSuggestRequest(String name, int size, List<String> hintUids, String hintLabel,
                                    List<String> hintLabelValues, ProfileDataFilter data) {
    public static final int DEFAULT_SIZE = 10;
    private static final String PARSER = "suggest_profile_request_payload";
    private static final String HINT_PARSER = "suggest_profile_request_payload_hint";

    /** Parses and validates; {@code body} null when none was sent, {@code dataParameter} null when absent. */
    public static ProfileSuggestRequest parse(ObjectNode body, String dataParameter) {
        String name = null;
        Integer size = null;
        String data = null;
        JsonNode hint = null;
        if (body != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<String> path = List.of(field.getKey());
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "name" -> name = text(PARSER, path, value);
                    case "size" -> size = integer(path, value);
                    case "data" -> data = text(PARSER, path, value);
                    case "hint" -> hint = object(PARSER, path, value);
                    default -> throw ObjectParserErrors.unknownField(PARSER, path);
                }
            }
        }
        if (data != null && dataParameter != null) {
            throw new ProfileRequestException(ProfileRequestException.ILLEGAL_ARGUMENT,
                    "The [data] parameter must be specified in either request body or as query parameter, but not both");
        }
        List<String> problems = new ArrayList<>();
        int wanted = size == null ? DEFAULT_SIZE : size;
        if (wanted < 0) {
            problems.add("[size] parameter cannot be negative but was [" + wanted + "]");
        }
        Hint parsed = hint == null ? new Hint(null, null, List.of()) : Hint.parse((ObjectNode) hint, problems);
        if (!problems.isEmpty()) {
            throw ProfileRequestException.validation(problems);
        }
        return new ProfileSuggestRequest(name, wanted, parsed.uids() == null ? List.of() : parsed.uids(), parsed.label(),
                parsed.labelValues(), ProfileDataFilter.parse(data != null ? data : dataParameter));
    }

    /** The hint as given, then checked as Elasticsearch's {@code Hint.validate}. */
    private record Hint(List<String> uids, String label, List<String> labelValues) {
        static Hint parse(ObjectNode hint, List<String> problems) {
            List<String> uids = null;
            ObjectNode labels = null;
            Iterator<Map.Entry<String, JsonNode>> fields = hint.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<String> path = List.of("hint", field.getKey());
                switch (field.getKey()) {
                    case "uids" -> uids = strings(path, field.getValue());
                    case "labels" -> labels = object(HINT_PARSER, path, field.getValue());
                    default -> throw ObjectParserErrors.unknownField(HINT_PARSER, path);
                }
            }
            if (uids == null && labels == null) {
                problems.add("[hint] parameter cannot be empty");
            }
            if (uids != null && uids.isEmpty()) {
                problems.add("[uids] hint cannot be empty");
            }
            if (labels == null) {
                return new Hint(uids, null, List.of());
            }
            if (labels.size() != 1) {
                problems.add("[labels] hint supports a single key");
                return new Hint(uids, null, List.of());
            }
            Map.Entry<String, JsonNode> label = labels.fields().next();
            List<String> values = labelValues(label.getValue());
            if (values == null) {
                problems.add("[labels] hint supports either string or list of strings as its value");
                return new Hint(uids, null, List.of());
            }
            return new Hint(uids, label.getKey(), values);
        }

        private static List<String> labelValues(JsonNode value) {
            if (value.isTextual()) {
                return List.of(value.asText());
            }
            if (!value.isArray()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    return null;
                }
                values.add(element.asText());
            }
            return values;
        }

        private static List<String> strings(List<String> path, JsonNode value) {
            List<String> values = new ArrayList<>();
            if (!value.isArray()) {
                // Elasticsearch's string-array fields take a single string too
                values.add(text(HINT_PARSER, path, value));
                return values;
            }
            for (JsonNode element : value) {
                values.add(text(HINT_PARSER, path, element));
            }
            return values;
        }
    }

    private static String text(String parser, List<String> path, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        throw ObjectParserErrors.unsupportedValue(parser, path, value);
    }

    private static ObjectNode object(String parser, List<String> path, JsonNode value) {
        if (value instanceof ObjectNode object) {
            return object;
        }
        throw ObjectParserErrors.unsupportedValue(parser, path, value);
    }

    /** Elasticsearch's int fields take a number or a numeric string. */
    private static int integer(List<String> path, JsonNode value) {
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().strip());
            } catch (NumberFormatException e) {
                throw failedToParse(path);
            }
        }
        if (value.isNumber()) {
            throw failedToParse(path);
        }
        throw ObjectParserErrors.unsupportedValue(PARSER, path, value);
    }

    private static ProfileRequestException failedToParse(List<String> path) {
        return ProfileRequestException.contentParse("[" + PARSER + "] failed to parse field [" + path.get(path.size() - 1) + "]",
                new ProfileRequestException.BodyField(path, true));
    }
}
