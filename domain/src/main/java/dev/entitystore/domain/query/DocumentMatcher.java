package dev.entitystore.domain.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Evaluates a {@link Query} against one JSON document in memory, with the semantics the storage adapters
 * give it (Elasticsearch's on keyword fields): exact, case-sensitive values, any value of a multi-valued
 * field may match, arrays of objects read as flattened fields. For small collections that are filtered
 * without an index (an exception list's items).
 */
public final class DocumentMatcher {
    private final Map<String, List<JsonNode>> leaves = new LinkedHashMap<>();
    private final String id;

    private DocumentMatcher(String id, ObjectNode document) {
        this.id = id;
        collect(document, "");
    }

    /** Whether the document (whose {@code _id} is {@code id}) matches {@code query}. */
    public static boolean matches(Query query, String id, ObjectNode document) {
        return new DocumentMatcher(id, document).test(query);
    }

    private void collect(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey()));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path));
        } else if (!node.isNull()) {
            leaves.computeIfAbsent(path, k -> new ArrayList<>()).add(node);
        }
    }

    private boolean test(Query query) {
        if (query instanceof Query.MatchAll) {
            return true;
        }
        if (query instanceof Query.MatchNone) {
            return false;
        }
        if (query instanceof Query.Bool bool) {
            return bool(bool);
        }
        if (query instanceof Query.Term term) {
            return any(term.field(), v -> term.caseInsensitive() ? v.equalsIgnoreCase(term.value()) : v.equals(term.value()));
        }
        if (query instanceof Query.Terms terms) {
            return any(terms.field(), terms.values()::contains);
        }
        if (query instanceof Query.Exists exists) {
            return !values(exists.field(), true).isEmpty();
        }
        if (query instanceof Query.Prefix prefix) {
            String start = prefix.prefix();
            return any(prefix.field(), v -> prefix.caseInsensitive()
                    ? v.toLowerCase(Locale.ROOT).startsWith(start.toLowerCase(Locale.ROOT)) : v.startsWith(start));
        }
        if (query instanceof Query.Wildcard wildcard) {
            Pattern pattern = Pattern.compile(Wildcards.toRegex(wildcard.pattern()).pattern(),
                    wildcard.caseInsensitive() ? Pattern.DOTALL | Pattern.CASE_INSENSITIVE : Pattern.DOTALL);
            return any(wildcard.field(), v -> pattern.matcher(v).matches());
        }
        if (query instanceof Query.Range range) {
            return values(range.field(), false).stream().anyMatch(v -> inRange(v, range));
        }
        return query instanceof Query.Ids ids && ids.values().contains(id);
    }

    private boolean bool(Query.Bool bool) {
        for (Query q : bool.must()) {
            if (!test(q)) {
                return false;
            }
        }
        for (Query q : bool.filter()) {
            if (!test(q)) {
                return false;
            }
        }
        for (Query q : bool.mustNot()) {
            if (test(q)) {
                return false;
            }
        }
        int matched = 0;
        for (Query q : bool.should()) {
            if (test(q)) {
                matched++;
            }
        }
        return matched >= bool.minimumShouldMatch();
    }

    private boolean any(String field, Predicate<String> test) {
        for (JsonNode value : values(field, false)) {
            if (test.test(value.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The values of a field, a field pattern, or any field; with {@code beneath}, also of fields under an object. */
    private List<JsonNode> values(String field, boolean beneath) {
        List<JsonNode> found = new ArrayList<>();
        boolean pattern = field.contains("*");
        Pattern regex = pattern ? Wildcards.toRegex(field) : null;
        for (Map.Entry<String, List<JsonNode>> leaf : leaves.entrySet()) {
            String path = leaf.getKey();
            boolean hit = pattern ? regex.matcher(path).matches()
                    : path.equals(field) || (beneath && path.startsWith(field + "."));
            if (hit) {
                found.addAll(leaf.getValue());
            }
        }
        return found;
    }

    private static boolean inRange(JsonNode value, Query.Range range) {
        return satisfies(value, range.lower(), true) && satisfies(value, range.upper(), false);
    }

    private static boolean satisfies(JsonNode value, Query.RangeBound bound, boolean lower) {
        if (bound == null) {
            return true;
        }
        int comparison = compare(value, bound.value(), !lower);
        return lower ? comparison > 0 || (comparison == 0 && bound.inclusive())
                : comparison < 0 || (comparison == 0 && bound.inclusive());
    }

    /** Numbers as numbers, dates as dates, anything else as text. */
    private static int compare(JsonNode value, String bound, boolean roundUp) {
        String text = value.asText();
        Double number = NumberText.parse(text);
        Double boundNumber = NumberText.parse(bound);
        if (number != null && boundNumber != null) {
            return Double.compare(number, boundNumber);
        }
        OptionalLong date = DateValues.parseIso(text);
        OptionalLong boundDate = DateValues.parseBound(bound, System.currentTimeMillis(), roundUp);
        if (date.isPresent() && boundDate.isPresent()) {
            return Long.compare(date.getAsLong(), boundDate.getAsLong());
        }
        return text.compareTo(bound);
    }
}
