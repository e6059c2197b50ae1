package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.query.DateValues;
import dev.entitystore.domain.search.InvalidSearchAfterException;
import dev.entitystore.domain.search.SearchSort;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SearchSort} as OpenSearch sort clauses, and a hit's sort values to and from the port's wire
 * form, with the embedded index's rules: missing values last in both directions, multi-valued fields on
 * their lowest value ascending and highest descending, dates as epoch millis, numbers as numbers, other
 * fields as strings; a field no entity has sorts every entity as missing instead of failing.
 *
 * <p>The tie-breaker is {@code _seq_no}, in the primary sort's direction. Like the embedded index's
 * seqNo it is unique (the index has one primary shard) and changes only when the entity is written, which
 * also moves its {@code @timestamp}: a cursor walk visits each entity once, and an entity written during
 * the walk moves ahead of the cursor. It is a number read from doc values, far cheaper than {@code _id}.
 */
final class SearchSorts {
    static final String TIE_BREAKER = "_seq_no";

    /** What the primary sort compares; decides how sort values are read and written. */
    enum Kind { LONG, DOUBLE, KEYWORD, BOOLEAN }

    private final ArrayNode clauses;
    private final Kind kind;
    private final boolean descending;
    private final boolean readAbsentField;

    private SearchSorts(ArrayNode clauses, Kind kind, boolean descending, boolean readAbsentField) {
        this.clauses = clauses;
        this.kind = kind;
        this.descending = descending;
        this.readAbsentField = readAbsentField;
    }

    static SearchSorts of(SearchSort sort, IndexMapping mapping) {
        String field = sort.field();
        FieldType type = mapping.type(field);
        String sortField = field;
        Kind kind;
        String unmappedType = "keyword";
        if (field.equals(SearchSort.TIMESTAMP) || type == FieldType.DATE) {
            kind = Kind.LONG;
            unmappedType = "date";
        } else if (type == FieldType.DATED_KEYWORD) {
            sortField = field + "." + FieldType.DATE_SUBFIELD;
            kind = Kind.LONG;
        } else if (type != null && type.isNumber()) {
            kind = Kind.DOUBLE;
        } else if (type == FieldType.BOOLEAN) {
            kind = Kind.BOOLEAN;
        } else {
            kind = Kind.KEYWORD;
        }
        String order = sort.descending() ? "desc" : "asc";
        ArrayNode clauses = Dsl.JSON.arrayNode();
        ObjectNode primary = clauses.addObject().putObject(sortField);
        primary.put("order", order).put("missing", "_last").put("mode", sort.descending() ? "max" : "min")
                .put("unmapped_type", unmappedType);
        clauses.addObject().putObject(TIE_BREAKER).put("order", order);
        return new SearchSorts(clauses, kind, sort.descending(), type == null);
    }

    ArrayNode clauses() {
        return clauses;
    }

    /** Whether the sort field was absent from the mapping: a newer mapping could sort differently. */
    boolean readAbsentField() {
        return readAbsentField;
    }

    /** A hit's sort values in the port's form: the primary sort's value, then the tie-breaker. */
    List<Object> wireValues(JsonNode sort) {
        List<Object> values = new ArrayList<>(2);
        JsonNode primary = sort.path(0);
        values.add(switch (kind) {
            case LONG -> primary.asLong();
            case DOUBLE -> primary.isTextual() ? Double.parseDouble(primary.asText()) // "Infinity": a missing value
                    : primary.isIntegralNumber() ? (Object) primary.asLong() : (Object) primary.asDouble();
            case KEYWORD -> primary.isNull() || primary.isMissingNode() ? null : primary.asText();
            // Booleans sort as 0 and 1; the embedded index sorts their words, which order the same way.
            case BOOLEAN -> !primary.isNumber() ? null : primary.asLong() == 0 ? "false" : primary.asLong() == 1 ? "true" : null;
        });
        values.add(sort.path(1).asLong());
        return values;
    }

    /** The port's {@code searchAfter} values as OpenSearch's {@code search_after}. */
    ArrayNode searchAfter(List<Object> wire) {
        if (wire.size() != 2) {
            throw new InvalidSearchAfterException("Bad request: Invalid searchAfter: search_after has " + wire.size()
                    + " value(s) but sort has 2.");
        }
        ArrayNode values = Dsl.JSON.arrayNode();
        Object primary = wire.get(0);
        switch (kind) {
            case LONG -> values.add(toLong(primary));
            case DOUBLE -> {
                if (!(primary instanceof Number number)) {
                    throw notFitting(primary);
                }
                if (number instanceof Double || number instanceof Float) {
                    values.add(number.doubleValue());
                } else {
                    values.add(number.longValue());
                }
            }
            case KEYWORD -> {
                if (primary == null) {
                    values.addNull();
                } else {
                    values.add(String.valueOf(primary));
                }
            }
            case BOOLEAN -> values.add(booleanPosition(primary));
        }
        values.add(toLong(wire.get(1)));
        return values;
    }

    /** Where a word lies among the booleans' sort values (0, 1; missing sorts last, as an int's extreme). */
    private long booleanPosition(Object value) {
        if (value == null) {
            return descending ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return switch (String.valueOf(value)) {
            case "false" -> 0;
            case "true" -> 1;
            default -> throw notFitting(value);
        };
    }

    private static long toLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return DateValues.parseIso(text).orElseThrow(() -> notFitting(value));
            }
        }
        throw notFitting(value);
    }

    private static InvalidSearchAfterException notFitting(Object value) {
        return new InvalidSearchAfterException("Bad request: Invalid searchAfter: [" + value + "] does not fit the sort");
    }
}
