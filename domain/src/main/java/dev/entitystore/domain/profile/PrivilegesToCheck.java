package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.error.ProfileRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The privileges a {@code _has_privileges} request asks about, read as Elasticsearch's role parser reads a
 * privileges check: {@code cluster} (names), {@code index} (entries of {@code names} and {@code privileges})
 * and {@code application} (entries of {@code application}, {@code privileges} and {@code resources});
 * {@code indices} and {@code applications} are accepted for the last two, as there. A malformed body is
 * Elasticsearch's {@code parse_exception}; a check of nothing its validation failure.
 */
public record PrivilegesToCheck(List<String> cluster, List<IndexCheck> index, List<ApplicationCheck> application) {
    public record IndexCheck(List<String> names, List<String> privileges) {
        public IndexCheck {
            names = List.copyOf(names);
            privileges = List.copyOf(privileges);
        }
    }

    public record ApplicationCheck(String application, List<String> privileges, List<String> resources) {
        public ApplicationCheck {
            privileges = List.copyOf(privileges);
            resources = List.copyOf(resources);
        }
    }

    /** The answer: each privilege asked, whether it is held, and whether all are. */
    public record Answer(boolean hasAll, Map<String, Boolean> cluster, Map<String, Map<String, Boolean>> index,
                         Map<String, Map<String, Map<String, Boolean>>> application) {
    }

    public PrivilegesToCheck {
        cluster = List.copyOf(cluster);
        index = List.copyOf(index);
        application = List.copyOf(application);
    }

    /**
     * Parses a privileges check; {@code description} names it in the parser's texts (Elasticsearch gives
     * the user's name).
     */
    public static PrivilegesToCheck parse(JsonNode body, String description) {
        if (body == null || !body.isObject()) {
            throw parseError("failed to parse privileges check [" + description + "]. expected an object but found ["
                    + ParserTokens.of(body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body) + "] instead");
        }
        List<String> cluster = List.of();
        List<IndexCheck> index = List.of();
        List<ApplicationCheck> application = List.of();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String context = "privileges check [" + description + "]";
            switch (field.getKey()) {
                case "cluster" -> cluster = strings(context, "cluster", field.getValue());
                case "index", "indices" -> index = entries(context, field.getKey(), field.getValue(),
                        entry -> indexCheck(description, entry));
                case "application", "applications" -> application = entries(context, field.getKey(), field.getValue(),
                        entry -> applicationCheck(description, entry));
                default -> throw parseError("failed to parse " + context + ". unexpected field [" + field.getKey() + "]");
            }
        }
        return new PrivilegesToCheck(cluster, index, application);
    }

    /** Elasticsearch's validation of the check: it must ask about something. */
    public List<String> problems() {
        return cluster.isEmpty() && index.isEmpty() && application.isEmpty()
                ? List.of("must specify at least one privilege") : List.of();
    }

    public Answer answer(HeldPrivileges held) {
        boolean[] all = {true};
        Map<String, Boolean> clusterAnswer = new LinkedHashMap<>();
        for (String privilege : cluster) {
            clusterAnswer.put(privilege, note(all, held.cluster(privilege)));
        }
        Map<String, Map<String, Boolean>> indexAnswer = new LinkedHashMap<>();
        for (IndexCheck check : index) {
            for (String name : check.names()) {
                Map<String, Boolean> byPrivilege = indexAnswer.computeIfAbsent(name, n -> new LinkedHashMap<>());
                check.privileges().forEach(p -> byPrivilege.put(p, note(all, held.index(name, p))));
            }
        }
        Map<String, Map<String, Map<String, Boolean>>> applicationAnswer = new LinkedHashMap<>();
        for (ApplicationCheck check : application) {
            Map<String, Map<String, Boolean>> byResource =
                    applicationAnswer.computeIfAbsent(check.application(), a -> new LinkedHashMap<>());
            for (String resource : check.resources()) {
                Map<String, Boolean> byPrivilege = byResource.computeIfAbsent(resource, r -> new LinkedHashMap<>());
                check.privileges().forEach(p -> byPrivilege.put(p, note(all, held.application(check.application(), resource, p))));
            }
        }
        return new Answer(all[0], clusterAnswer, indexAnswer, applicationAnswer);
    }

    private static boolean note(boolean[] all, boolean held) {
        all[0] &= held;
        return held;
    }

    private static IndexCheck indexCheck(String description, JsonNode entry) {
        String context = "indices privileges for role [" + description + "]";
        List<String> names = null;
        List<String> privileges = null;
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "names" -> names = field.getValue().isTextual() ? List.of(field.getValue().asText())
                        : strings(context, "names", field.getValue());
                case "privileges" -> privileges = strings(context, "privileges", field.getValue());
                case "allow_restricted_indices" -> {
                    if (!field.getValue().isBoolean()) {
                        throw parseError("failed to parse " + context + ". expected field [allow_restricted_indices] value"
                                + " to be a boolean, but found [" + ParserTokens.of(field.getValue()) + "] instead");
                    }
                }
                default -> throw parseError("failed to parse " + context + ". unexpected field [" + field.getKey() + "]");
            }
        }
        return new IndexCheck(required(context, "names", names), required(context, "privileges", privileges));
    }

    private static ApplicationCheck applicationCheck(String description, JsonNode entry) {
        String context = "application privileges for role [" + description + "]";
        String application = null;
        List<String> privileges = null;
        List<String> resources = null;
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "application" -> {
                    if (!field.getValue().isTextual()) {
                        throw parseError("failed to parse " + context + ". expected field [application] value to be a"
                                + " string, but found [" + ParserTokens.of(field.getValue()) + "] instead");
                    }
                    application = field.getValue().asText();
                }
                case "privileges" -> privileges = strings(context, "privileges", field.getValue());
                case "resources" -> resources = strings(context, "resources", field.getValue());
                default -> throw parseError("failed to parse " + context + ". unexpected field [" + field.getKey() + "]");
            }
        }
        if (application == null) {
            throw missing(context, "application");
        }
        return new ApplicationCheck(application, required(context, "privileges", privileges),
                required(context, "resources", resources));
    }

    private static <T> List<T> entries(String context, String name, JsonNode value, java.util.function.Function<JsonNode, T> read) {
        if (!value.isArray()) {
            throw parseError("failed to parse " + context + ". expected field [" + name + "] value to be an array, but found ["
                    + ParserTokens.of(value) + "] instead");
        }
        List<T> entries = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isObject()) {
                throw parseError("failed to parse " + context + ". expected field [" + name + "] entries to be objects, but found ["
                        + ParserTokens.of(entry) + "] instead");
            }
            entries.add(read.apply(entry));
        }
        return entries;
    }

    private static List<String> strings(String context, String name, JsonNode value) {
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            if (!value.isArray() || !item.isTextual()) {
                throw parseError("failed to parse " + context + ". expected field [" + name + "] value to be an array of"
                        + " strings, but found [" + ParserTokens.of(item) + "] instead");
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static List<String> required(String context, String name, List<String> value) {
        if (value == null) {
            throw missing(context, name);
        }
        return value;
    }

    private static ProfileRequestException missing(String context, String name) {
        return parseError("failed to parse " + context + ". missing required [" + name + "] field");
    }

    private static ProfileRequestException parseError(String message) {
        return new ProfileRequestException(ProfileRequestException.PARSE, message);
    }
}
