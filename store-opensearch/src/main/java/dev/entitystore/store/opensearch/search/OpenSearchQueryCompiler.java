package dev.entitystore.store.opensearch.search;

import static dev.entitystore.store.opensearch.search.Dsl.JSON;
import static dev.entitystore.store.opensearch.search.Dsl.anyOf;
import static dev.entitystore.store.opensearch.search.Dsl.ids;
import static dev.entitystore.store.opensearch.search.Dsl.leaf;
import static dev.entitystore.store.opensearch.search.Dsl.matchAll;
import static dev.entitystore.store.opensearch.search.Dsl.matchNone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.query.DateValues;
import dev.entitystore.domain.query.NumberText;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@link Query} model as OpenSearch query DSL, giving the embedded index's answers on an index
 * mapped by {@code EntityIndexDefinition}. The embedded index treats every leaf as a keyword with a
 * number or date companion; here each field has one mapped type, so every leaf query is compiled per
 * resolved field and type (see {@link FieldType}): keywords take terms and patterns as they are,
 * numbers and dates take values parsed here (a value that does not parse matches nothing instead of
 * failing the search), ranges compare numbers, instants or strings by the same rules as the embedded
 * index, with instants and date math computed here against one clock.
 */
final class OpenSearchQueryCompiler {
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9]\\d*)");
    private static final List<String> BOOLEANS = List.of("false", "true");

    private final IndexMapping mapping;
    private final long nowMillis;
    private boolean readAbsentFields;

    OpenSearchQueryCompiler(IndexMapping mapping, long nowMillis) {
        this.mapping = mapping;
        this.nowMillis = nowMillis;
    }

    /**
     * Whether the compiled query depended on fields the mapping did not have, or on a pattern over its
     * fields: a newer mapping could give another query.
     */
    boolean readAbsentFields() {
        return readAbsentFields;
    }

    ObjectNode compile(Query query) {
        if (query instanceof Query.MatchAll) {
            return matchAll();
        }
        if (query instanceof Query.MatchNone) {
            return matchNone();
        }
        if (query instanceof Query.Bool bool) {
            return bool(bool);
        }
        if (query instanceof Query.Term term) {
            return term.field().equals("_id") ? ids(List.of(term.value())) : perField(term.field(), (f, t) -> term(f, t, term));
        }
        if (query instanceof Query.Terms terms) {
            return terms.field().equals("_id") ? ids(terms.values()) : perField(terms.field(), (f, t) -> terms(f, t, terms.values()));
        }
        if (query instanceof Query.Exists exists) {
            return exists(exists);
        }
        if (query instanceof Query.Prefix prefix) {
            return perField(prefix.field(), (f, t) -> pattern(f, t, "prefix", prefix.prefix(), prefix.caseInsensitive(),
                    AsciiCaseRegexps.prefix(prefix.prefix()), value -> startsWith(value, prefix.prefix(), prefix.caseInsensitive())));
        }
        if (query instanceof Query.Wildcard wildcard) {
            Pattern regex = wildcard.caseInsensitive()
                    ? Pattern.compile(Wildcards.toRegex(wildcard.pattern()).pattern(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                    : Wildcards.toRegex(wildcard.pattern());
            return perField(wildcard.field(), (f, t) -> pattern(f, t, "wildcard", wildcard.pattern(), wildcard.caseInsensitive(),
                    AsciiCaseRegexps.wildcard(wildcard.pattern()), value -> regex.matcher(value).matches()));
        }
        if (query instanceof Query.Range range) {
            return range(range);
        }
        if (query instanceof Query.Ids ids) {
            return ids(ids.values());
        }
        throw new IllegalArgumentException("unknown query " + query);
    }

    private ObjectNode bool(Query.Bool bool) {
        ObjectNode node = JSON.objectNode();
        ObjectNode body = node.putObject("bool");
        // Results are sorted, never scored: required clauses are filters.
        ArrayNode filter = JSON.arrayNode();
        bool.must().forEach(clause -> filter.add(compile(clause)));
        bool.filter().forEach(clause -> filter.add(compile(clause)));
        int minimum = bool.should().isEmpty() ? 0 : bool.minimumShouldMatch();
        if (filter.isEmpty() && minimum == 0) {
            // OpenSearch, like Lucene, would require one should clause: the model matches everything not excluded.
            filter.add(matchAll());
        }
        body.set("filter", filter);
        if (!bool.mustNot().isEmpty()) {
            ArrayNode mustNot = body.putArray("must_not");
            bool.mustNot().forEach(clause -> mustNot.add(compile(clause)));
        }
        if (!bool.should().isEmpty()) {
            ArrayNode should = body.putArray("should");
            bool.should().forEach(clause -> should.add(compile(clause)));
            body.put("minimum_should_match", minimum);
        }
        return node;
    }

    private ObjectNode term(String field, FieldType type, Query.Term term) {
        String value = term.value();
        return switch (type) {
            case KEYWORD, DATED_KEYWORD -> term.caseInsensitive() ? caseInsensitive(field, "term", value, AsciiCaseRegexps.literal(value))
                    : leaf("term", field, JSON.textNode(value));
            case WHOLE_NUMBER -> {
                Double number = NumberText.parse(value);
                yield number == null || number != Math.rint(number) || Math.abs(number) >= 0x1p63 ? null
                        : leaf("term", field, JSON.numberNode(number.longValue()));
            }
            case DECIMAL_NUMBER -> {
                Double number = NumberText.parse(value);
                yield number == null ? null : leaf("term", field, JSON.numberNode(number));
            }
            case DATE -> instant(field, value);
            case BOOLEAN -> {
                String text = term.caseInsensitive() ? value.toLowerCase(Locale.ROOT) : value;
                yield BOOLEANS.contains(text) ? leaf("term", field, JSON.booleanNode(Boolean.parseBoolean(text))) : null;
            }
            case OTHER -> null;
        };
    }

    private ObjectNode terms(String field, FieldType type, List<String> values) {
        ArrayNode accepted = JSON.arrayNode();
        List<ObjectNode> instants = new ArrayList<>();
        for (String value : values) {
            switch (type) {
                case KEYWORD, DATED_KEYWORD -> accepted.add(value);
                // The embedded index compares these as the JSON text: only a whole number's plain form matches a long.
                case WHOLE_NUMBER -> {
                    if (WHOLE.matcher(value).matches() && value.length() <= 19) {
                        accepted.add(Long.parseLong(value));
                    }
                }
                case DECIMAL_NUMBER -> {
                    Double number = NumberText.parse(value);
                    if (number != null) {
                        accepted.add(number);
                    }
                }
                case BOOLEAN -> {
                    if (BOOLEANS.contains(value)) {
                        accepted.add(Boolean.parseBoolean(value));
                    }
                }
                case DATE -> {
                    ObjectNode instant = instant(field, value);
                    if (instant != null) {
                        instants.add(instant);
                    }
                }
                case OTHER -> { }
            }
        }
        if (type == FieldType.DATE) {
            return anyOf(instants);
        }
        if (accepted.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.objectNode();
        node.putObject("terms").set(field, accepted);
        return node;
    }

    private ObjectNode exists(Query.Exists exists) {
        if (exists.field().equals("_id")) {
            return matchAll();
        }
        List<String> fields = mapping.resolveWithObjects(exists.field());
        noteResolution(exists.field(), fields);
        List<ObjectNode> alternatives = new ArrayList<>();
        for (String field : fields) {
            ObjectNode node = JSON.objectNode();
            node.putObject("exists").put("field", field);
            alternatives.add(node);
        }
        return anyOf(alternatives);
    }

    /**
     * A prefix or wildcard query. Keywords take it as it is; booleans are the words {@code true} and
     * {@code false} to the embedded index, so the pattern is tried on those here. Numbers and dates do not
     * keep their text in OpenSearch: such a pattern matches nothing (a recorded difference).
     */
    private ObjectNode pattern(String field, FieldType type, String kind, String value, boolean caseInsensitive,
                               String asciiRegexp, Predicate<String> onText) {
        if (type.isKeyword()) {
            return caseInsensitive ? caseInsensitive(field, kind, value, asciiRegexp) : leaf(kind, field, JSON.textNode(value));
        }
        if (type == FieldType.BOOLEAN) {
            return booleans(field, onText);
        }
        return null;
    }

    private ObjectNode range(Query.Range range) {
        String lower = range.lower() == null ? null : range.lower().value();
        String upper = range.upper() == null ? null : range.upper().value();
        boolean numeric = (lower == null || NumberText.parse(lower) != null) && (upper == null || NumberText.parse(upper) != null);
        boolean dates = isDateBound(lower) && isDateBound(upper);
        return perField(range.field(), (field, type) -> {
            if (numeric || dates) {
                if (numeric && type.isNumber()) {
                    return numberRange(field, type, range);
                }
                // Whole numbers on a date are epoch millis; decimal bounds on a date match nothing.
                if (dates && type == FieldType.DATE) {
                    return dateRange(field, range);
                }
                if (dates && type == FieldType.DATED_KEYWORD) {
                    return dateRange(field + "." + FieldType.DATE_SUBFIELD, range);
                }
                return null;
            }
            if (type.isKeyword()) {
                ObjectNode bounds = JSON.objectNode();
                if (range.lower() != null) {
                    bounds.put(range.lower().inclusive() ? "gte" : "gt", lower);
                }
                if (range.upper() != null) {
                    bounds.put(range.upper().inclusive() ? "lte" : "lt", upper);
                }
                return leaf("range", field, bounds);
            }
            if (type == FieldType.BOOLEAN) {
                return booleans(field, word -> inRange(word, range));
            }
            return null; // numbers and dates keep no text to compare as strings (a recorded difference)
        });
    }

    private ObjectNode numberRange(String field, FieldType type, Query.Range range) {
        ObjectNode bounds = JSON.objectNode();
        if (type == FieldType.WHOLE_NUMBER) {
            // The embedded index compares doubles: the same bounds, turned into inclusive whole numbers.
            if (range.lower() != null) {
                double low = NumberText.parse(range.lower().value());
                low = range.lower().inclusive() ? low : Math.nextUp(low);
                bounds.put("gte", (long) Math.ceil(low));
            }
            if (range.upper() != null) {
                double high = NumberText.parse(range.upper().value());
                high = range.upper().inclusive() ? high : Math.nextDown(high);
                bounds.put("lte", (long) Math.floor(high));
            }
        } else {
            if (range.lower() != null) {
                bounds.put(range.lower().inclusive() ? "gte" : "gt", NumberText.parse(range.lower().value()));
            }
            if (range.upper() != null) {
                bounds.put(range.upper().inclusive() ? "lte" : "lt", NumberText.parse(range.upper().value()));
            }
        }
        return leaf("range", field, bounds);
    }

    private ObjectNode dateRange(String field, Query.Range range) {
        ObjectNode bounds = JSON.objectNode();
        if (range.lower() != null) {
            // gt rounds up to the end of a rounded unit, gte down to its start (Elasticsearch's date math).
            long low = DateValues.parseBound(range.lower().value(), nowMillis, !range.lower().inclusive()).orElseThrow();
            bounds.put("gte", range.lower().inclusive() || low == Long.MAX_VALUE ? low : low + 1);
        }
        if (range.upper() != null) {
            long high = DateValues.parseBound(range.upper().value(), nowMillis, range.upper().inclusive()).orElseThrow();
            bounds.put("lte", range.upper().inclusive() || high == Long.MIN_VALUE ? high : high - 1);
        }
        bounds.put("format", "epoch_millis");
        return leaf("range", field, bounds);
    }

    /** A term on a {@code date} field: the instant the ISO text names, or nothing if it names none. */
    private static ObjectNode instant(String field, String value) {
        return DateValues.parseIso(value).stream().mapToObj(millis -> {
            ObjectNode bounds = JSON.objectNode().put("gte", millis).put("lte", millis).put("format", "epoch_millis");
            return leaf("range", field, bounds);
        }).findFirst().orElse(null);
    }

    private boolean isDateBound(String bound) {
        return bound == null || DateValues.parseBound(bound, nowMillis, false).isPresent();
    }

    private static boolean inRange(String word, Query.Range range) {
        if (range.lower() != null) {
            int c = word.compareTo(range.lower().value());
            if (c < 0 || (c == 0 && !range.lower().inclusive())) {
                return false;
            }
        }
        if (range.upper() != null) {
            int c = word.compareTo(range.upper().value());
            return c < 0 || (c == 0 && range.upper().inclusive());
        }
        return true;
    }

    private static boolean startsWith(String text, String prefix, boolean caseInsensitive) {
        return caseInsensitive ? text.regionMatches(true, 0, prefix, 0, prefix.length()) : text.startsWith(prefix);
    }

    /** The boolean values whose word ({@code true}, {@code false}) passes the test. */
    private static ObjectNode booleans(String field, Predicate<String> test) {
        ArrayNode values = JSON.arrayNode();
        BOOLEANS.stream().filter(test).forEach(word -> values.add(Boolean.parseBoolean(word)));
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.objectNode();
        node.putObject("terms").set(field, values);
        return node;
    }

    private static ObjectNode caseInsensitive(String field, String kind, String value, String asciiRegexp) {
        if (AsciiCaseRegexps.isAscii(value)) {
            ObjectNode body = JSON.objectNode().put("value", value).put("case_insensitive", true);
            return leaf(kind, field, body);
        }
        ObjectNode body = JSON.objectNode().put("value", asciiRegexp).put("flags", "ALL");
        return leaf("regexp", field, body);
    }

    /** The query built for each field the name resolves to (that gives one), any of them matching. */
    private ObjectNode perField(String field, FieldQuery build) {
        List<String> fields = mapping.resolve(field);
        noteResolution(field, fields);
        List<ObjectNode> alternatives = new ArrayList<>();
        for (String resolved : fields) {
            ObjectNode query = build.apply(resolved, mapping.type(resolved));
            if (query != null) {
                alternatives.add(query);
            }
        }
        return anyOf(alternatives);
    }

    private void noteResolution(String field, List<String> resolved) {
        if (IndexMapping.isPattern(field) || !resolved.equals(List.of(field))) {
            readAbsentFields = true;
        }
    }

    /** Builds the query for one resolved field, or {@code null} when nothing of that type can match. */
    @FunctionalInterface
    private interface FieldQuery {
        ObjectNode apply(String field, FieldType type);
    }
}
