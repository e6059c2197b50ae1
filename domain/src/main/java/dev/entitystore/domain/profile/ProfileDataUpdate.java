package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ProfileRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of a profile data update, {@code {"labels":{...},"data":{...}}}, read and validated as
 * Elasticsearch does: only those two keys, each an object; at least one namespace in all; no namespace
 * (top-level key) containing a dot or starting with an underscore. Nested keys are free.
 */
public record ProfileDataUpdate(ObjectNode labels, ObjectNode data) {
    private static final String PARSER = "update_profile_data_request_payload";

    /** Parses the request body (null when there was none), refusing what Elasticsearch's parser refuses. */
    public static ProfileDataUpdate parse(ObjectNode body) {
        if (body == null) {
            throw new ProfileRequestException(ProfileRequestException.PARSE, "request body is required");
        }
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "labels" -> labels = object(field);
                case "data" -> data = object(field);
                default -> throw ObjectParserErrors.unknownField(PARSER, List.of(field.getKey()));
            }
        }
        return new ProfileDataUpdate(labels, data);
    }

    private static ObjectNode object(Map.Entry<String, JsonNode> field) {
        if (field.getValue() instanceof ObjectNode object) {
            return object;
        }
        throw ObjectParserErrors.unsupportedValue(PARSER, List.of(field.getKey()), field.getValue());
    }

    /** Every namespace named, labels' first: what the per-namespace write privilege is checked against. */
    public Set<String> namespaces() {
        Set<String> names = new LinkedHashSet<>();
        labels.fieldNames().forEachRemaining(names::add);
        data.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Elasticsearch's {@code UpdateProfileDataRequest.validate}: one numbered message for every problem. */
    public void validate() {
        Set<String> names = namespaces();
        List<String> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add("update request is empty");
        }
        List<String> dotted = names.stream().filter(name -> name.contains(".")).toList();
        if (!dotted.isEmpty()) {
            problems.add("application name must not contain dot, but found [" + String.join(",", dotted) + "]");
        }
        List<String> underscored = names.stream().filter(name -> name.startsWith("_")).toList();
        if (!underscored.isEmpty()) {
            problems.add("application name must not start with underscore, but found [" + String.join(",", underscored) + "]");
        }
        if (!problems.isEmpty()) {
            throw ProfileRequestException.validation(problems);
        }
    }
}
