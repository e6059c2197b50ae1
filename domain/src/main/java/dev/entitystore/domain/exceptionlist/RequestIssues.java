package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects the problems of an exception-list request body, worded as Kibana's schema (zod) words them,
 * and reports them the way the route validation does: 400 {@code [request body]: path: problem, ...}.
 */
final class RequestIssues {
    private static final int MAX_ISSUES = 5;
    private final List<String> issues = new ArrayList<>();

    void add(String path, String problem) {
        issues.add(path + ": " + problem);
    }

    /** Kibana's {@code NonEmptyString}: a string of at least one character, not all blanks. */
    JsonNode nonEmptyString(JsonNode value, String path) {
        if (value == null) {
            add(path, "Required");
        } else if (!value.isTextual()) {
            add(path, expected("string", value));
        } else if (value.asText().isEmpty()) {
            add(path, "Too small: expected string to have >=1 characters");
        } else if (value.asText().isBlank()) {
            add(path, "No empty strings allowed");
        }
        return value;
    }

    void throwIfAny() {
        if (issues.isEmpty()) {
            return;
        }
        String joined = issues.size() <= MAX_ISSUES ? String.join(", ", issues)
                : String.join(", ", issues.subList(0, MAX_ISSUES)) + " and " + (issues.size() - MAX_ISSUES) + " more";
        throw new InvalidRequestException("[request body]: " + joined);
    }

    static String expected(String type, JsonNode received) {
        return "Invalid input: expected " + type + ", received " + (received.isNull() ? "null"
                : received.isArray() ? "array" : received.isObject() ? "object" : received.isNumber() ? "number"
                : received.isBoolean() ? "boolean" : "string");
    }

    static String oneOf(List<String> options) {
        return "Invalid option: expected one of "
                + options.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining("|"));
    }
}
