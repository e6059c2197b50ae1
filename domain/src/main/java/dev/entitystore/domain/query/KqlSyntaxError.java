package dev.entitystore.domain.query;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A KQL parse failure worded as Kibana's {@code KQLSyntaxError}: what was expected at the furthest
 * position reached (sorted, each once, grammar rule names translated), what was found there, then the
 * input and a caret under that position.
 */
final class KqlSyntaxError extends RuntimeException {
    private static final Map<String, String> RULE_NAMES = Map.of(
            "fieldName", "field name",
            "value", "value",
            "literal", "literal",
            "whitespace", "whitespace");

    KqlSyntaxError(String input, int position, List<String> expected) {
        super(message(input, position, expected));
    }

    KqlSyntaxError(String message) {
        super(message);
    }

    private static String message(String input, int position, List<String> expected) {
        // Sorted by the grammar's own descriptions (as the PEG parser does), translated afterwards.
        List<String> descriptions = new TreeSet<>(expected).stream()
                .map(description -> RULE_NAMES.getOrDefault(description, description))
                .toList();
        String found = position < input.length() ? "\"" + input.charAt(position) + "\"" : "end of input";
        return "Expected " + String.join(", ", descriptions) + " but " + found + " found.\n"
                + input + "\n" + "-".repeat(position) + "^";
    }
}
