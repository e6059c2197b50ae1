package dev.entitystore.domain.query;

/**
 * How large a list filter may be, whatever reaches the parsers (the HTTP layer bounds the request target
 * to 16 KiB already; these hold for any other caller). Deep nesting is refused with a clear text rather
 * than risking the stack; KQL's own depth limit lives in its grammar.
 */
public final class QueryLimits {
    /** Characters of one {@code filter} or {@code filterQuery}. */
    public static final int MAX_LENGTH = 16 * 1024;
    /** Query objects nested in one {@code filterQuery} (a {@code bool} inside a {@code bool} ...). */
    public static final int MAX_DSL_DEPTH = 100;
    /** Parenthesised groups nested in one {@code query_string}. */
    public static final int MAX_QUERY_STRING_DEPTH = 100;

    private QueryLimits() {
    }
}
