package dev.entitystore.store.opensearch.search;

/**
 * How an index maps a record field, as far as the search cares: which queries it answers and how it
 * sorts. The embedded index keeps every leaf as a keyword plus a number or date companion; here the
 * mapping decides, so each query is compiled per type.
 */
enum FieldType {
    /** A string: exact, case-sensitive terms. */
    KEYWORD,
    /** A string field whose values are ISO-8601 dates: a keyword with a {@code .date} sub-field. */
    DATED_KEYWORD,
    /** Whole numbers (long, integer, short, byte, unsigned_long). */
    WHOLE_NUMBER,
    /** Numbers with a fraction (double, float, half_float, scaled_float). */
    DECIMAL_NUMBER,
    /** A {@code date} field ({@code @timestamp}). */
    DATE,
    BOOLEAN,
    /** Anything else a hand-made mapping may hold (ip, geo_point, ...): only {@code exists} answers on it. */
    OTHER;

    /** The sub-field a dated keyword keeps its instants in. */
    static final String DATE_SUBFIELD = "date";

    static FieldType of(String mappingType, boolean hasDateSubfield) {
        return switch (mappingType) {
            case "keyword", "constant_keyword", "wildcard" -> hasDateSubfield ? DATED_KEYWORD : KEYWORD;
            case "long", "integer", "short", "byte", "unsigned_long" -> WHOLE_NUMBER;
            case "double", "float", "half_float", "scaled_float" -> DECIMAL_NUMBER;
            case "date", "date_nanos" -> DATE;
            case "boolean" -> BOOLEAN;
            default -> OTHER;
        };
    }

    boolean isNumber() {
        return this == WHOLE_NUMBER || this == DECIMAL_NUMBER;
    }

    boolean isKeyword() {
        return this == KEYWORD || this == DATED_KEYWORD;
    }
}
