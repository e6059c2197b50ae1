package dev.entitystore.domain.query;

/** Ranges in {@code query_string}: {@code [a TO b]}, {@code {a TO b}}, mixed brackets, and {@code >=v} forms. */
final class QueryStringRange {
    private QueryStringRange() {
    }

    static Query bracketed(QueryStringParser parser, String field) {
        boolean includeLower = parser.peek() == '[';
        parser.advance(1);
        parser.skipSpaces();
        String lower = endpoint(parser);
        parser.skipSpaces();
        if (!parser.startsWith("TO")) {
            throw parser.syntax("expected 'TO' in a range");
        }
        parser.advance(2);
        parser.skipSpaces();
        String upper = endpoint(parser);
        parser.skipSpaces();
        char close = parser.peek();
        if (close != ']' && close != '}') {
            throw parser.syntax("expected ']' or '}' to close a range");
        }
        parser.advance(1);
        return new Query.Range(field,
                lower == null ? null : new Query.RangeBound(lower, includeLower),
                upper == null ? null : new Query.RangeBound(upper, close == ']'));
    }

    static Query comparison(QueryStringParser parser, String field) {
        boolean greater = parser.peek() == '>';
        parser.advance(1);
        boolean inclusive = parser.peek() == '=';
        if (inclusive) {
            parser.advance(1);
        }
        String value = endpoint(parser);
        if (value == null) {
            throw parser.syntax("expected a value after a comparison");
        }
        Query.RangeBound bound = new Query.RangeBound(value, inclusive);
        return greater ? new Query.Range(field, bound, null) : new Query.Range(field, null, bound);
    }

    /** A quoted or bare endpoint; {@code *} is an open end ({@code null}). */
    private static String endpoint(QueryStringParser parser) {
        if (parser.peek() == '"') {
            return parser.quoted();
        }
        String raw = bareEndpoint(parser);
        if (raw == null) {
            throw parser.syntax("expected a range endpoint");
        }
        return raw.equals("*") ? null : QueryStringParser.unescape(raw);
    }

    /** Like a bare term, but a closing bracket ends it too. */
    private static String bareEndpoint(QueryStringParser parser) {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = parser.peek();
            if (c == '\0' || Character.isWhitespace(c) || c == ']' || c == '}') {
                break;
            }
            if (c == '\\') {
                out.append(c);
                parser.advance(1);
                c = parser.peek();
                if (c == '\0') {
                    break;
                }
            }
            out.append(c);
            parser.advance(1);
        }
        return out.length() == 0 ? null : out.toString();
    }
}
