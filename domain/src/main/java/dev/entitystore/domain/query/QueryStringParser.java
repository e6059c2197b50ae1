package dev.entitystore.domain.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DSL's {@code query_string}: the Lucene query syntax subset that KQL users reach for, on keyword
 * values (no analysis). Supported: {@code field:value}, quoted values, {@code *}/{@code ?} wildcards,
 * {@code field:*} and {@code _exists_:field}, {@code AND}/{@code OR}/{@code NOT}, {@code &&}/{@code ||}/
 * {@code !}, {@code +}/{@code -}, parentheses, {@code field:(a OR b)}, ranges {@code [a TO b]},
 * {@code {a TO b}}, {@code >=v}, {@code <v}; {@code default_field}, {@code fields},
 * {@code default_operator}. Boosts ({@code ^2}) are read and ignored. Fuzzy ({@code ~}) and regular
 * expressions ({@code /re/}) are refused as unsupported.
 *
 * <p>Operators combine as in Lucene's classic parser: clauses of one group are required, optional or
 * prohibited; {@code AND} makes both neighbours required, a group of prohibited clauses alone matches
 * everything else.
 */
final class QueryStringParser {
    private static final Set<String> IGNORED_OPTIONS = Set.of("analyze_wildcard", "allow_leading_wildcard",
            "lenient", "boost", "_name", "analyzer", "quote_analyzer", "auto_generate_synonyms_phrase_query",
            "enable_position_increments", "fuzziness", "fuzzy_max_expansions", "fuzzy_prefix_length",
            "fuzzy_transpositions", "max_determinized_states", "minimum_should_match", "phrase_slop",
            "quote_field_suffix", "rewrite", "time_zone", "escape", "type", "tie_breaker");

    private enum Occur { MUST, SHOULD, MUST_NOT }

    private record Clause(Query query, Occur occur) {}

    private final String text;
    private final List<String> defaultFields;
    private final boolean defaultAnd;
    private int pos;
    private int depth;

    private QueryStringParser(String text, List<String> defaultFields, boolean defaultAnd) {
        this.text = text;
        this.defaultFields = defaultFields;
        this.defaultAnd = defaultAnd;
    }

    static Query parse(ObjectNode body) {
        String query = null;
        List<String> fields = new ArrayList<>();
        boolean and = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode value = option.getValue();
            switch (option.getKey()) {
                case "query" -> query = FieldAndValue.scalar("query_string", value);
                case "default_field" -> fields.add(value.asText());
                case "fields" -> value.forEach(field -> fields.add(stripBoost(field.asText())));
                case "default_operator" -> and = value.asText().equalsIgnoreCase("and");
                default -> {
                    if (!IGNORED_OPTIONS.contains(option.getKey())) {
                        throw QueryDslParser.invalid("[query_string] query does not support [" + option.getKey() + "]");
                    }
                }
            }
        }
        if (query == null) {
            throw QueryDslParser.invalid("[query_string] requires a [query]");
        }
        if (fields.isEmpty()) {
            fields.add(Query.ALL_FIELDS);
        }
        QueryStringParser parser = new QueryStringParser(query, fields, and);
        Query parsed = parser.group(null);
        parser.skipSpaces();
        if (parser.pos < query.length()) {
            throw parser.syntax("unexpected '" + query.charAt(parser.pos) + "'");
        }
        return parsed;
    }

    private static String stripBoost(String field) {
        int caret = field.indexOf('^');
        return caret < 0 ? field : field.substring(0, caret);
    }

    /** A sequence of clauses up to a closing parenthesis or the end; {@code field} applies to bare terms. */
    private Query group(String field) {
        if (++depth > QueryLimits.MAX_QUERY_STRING_DEPTH + 1) { // the whole query is the first group
            throw syntax("groups nested too deeply (more than " + QueryLimits.MAX_QUERY_STRING_DEPTH + " levels)");
        }
        List<Clause> clauses = new ArrayList<>();
        String conjunction = null;
        while (true) {
            skipSpaces();
            if (pos >= text.length() || peek() == ')') {
                break;
            }
            String operator = operator();
            if (operator != null && !operator.equals("NOT")) {
                conjunction = operator;
                continue;
            }
            Occur modifier = null;
            if (operator != null) {
                modifier = Occur.MUST_NOT;
                skipSpaces();
            } else if (peek() == '+') {
                pos++;
                modifier = Occur.MUST;
            } else if (peek() == '-' || peek() == '!') {
                pos++;
                modifier = Occur.MUST_NOT;
            }
            Query query = clause(field);
            addClause(clauses, conjunction, modifier, query);
            conjunction = null;
        }
        depth--;
        return combine(clauses);
    }

    /** Lucene's classic addClause: how AND/OR and the default operator make clauses required or optional. */
    private void addClause(List<Clause> clauses, String conjunction, Occur modifier, Query query) {
        if (!clauses.isEmpty()) {
            Clause last = clauses.get(clauses.size() - 1);
            if ("AND".equals(conjunction) && last.occur() != Occur.MUST_NOT) {
                clauses.set(clauses.size() - 1, new Clause(last.query(), Occur.MUST));
            } else if (defaultAnd && "OR".equals(conjunction) && last.occur() == Occur.MUST) {
                clauses.set(clauses.size() - 1, new Clause(last.query(), Occur.SHOULD));
            }
        }
        Occur occur;
        if (modifier == Occur.MUST_NOT) {
            occur = Occur.MUST_NOT;
        } else if (modifier == Occur.MUST || "AND".equals(conjunction)) {
            occur = Occur.MUST;
        } else if (defaultAnd && !"OR".equals(conjunction)) {
            occur = Occur.MUST;
        } else {
            occur = Occur.SHOULD;
        }
        clauses.add(new Clause(query, occur));
    }

    private static Query combine(List<Clause> clauses) {
        if (clauses.size() == 1 && clauses.get(0).occur() != Occur.MUST_NOT) {
            return clauses.get(0).query();
        }
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        for (Clause clause : clauses) {
            (clause.occur() == Occur.MUST ? must : clause.occur() == Occur.SHOULD ? should : mustNot).add(clause.query());
        }
        if (must.isEmpty() && should.isEmpty() && mustNot.isEmpty()) {
            return new Query.MatchAll();
        }
        return new Query.Bool(must, List.of(), should, mustNot, must.isEmpty() && !should.isEmpty() ? 1 : 0);
    }

    /** One clause: a parenthesised group, or an optional {@code field:} followed by a value or group. */
    private Query clause(String field) {
        if (peek() == '(') {
            pos++;
            Query inner = group(field);
            expect(')');
            skipBoost();
            return inner;
        }
        int start = pos;
        String term = bareTerm();
        skipSpaces();
        if (term != null && peek() == ':' && field == null) {
            pos++;
            skipSpaces();
            String name = unescape(term);
            if (name.equals("_exists_")) {
                return new Query.Exists(unescape(bareTerm()));
            }
            if (peek() == '(') {
                pos++;
                Query inner = group(name);
                expect(')');
                skipBoost();
                return inner;
            }
            return value(List.of(name));
        }
        pos = start;
        return value(field == null ? defaultFields : List.of(field));
    }

    /** A value for the given fields (any of them may match). */
    private Query value(List<String> fields) {
        List<Query> perField = new ArrayList<>(fields.size());
        int start = pos;
        for (String field : fields) {
            pos = start;
            perField.add(valueFor(field));
        }
        return perField.size() == 1 ? perField.get(0) : Query.Bool.or(perField);
    }

    private Query valueFor(String field) {
        char c = peek();
        if (c == '[' || c == '{') {
            return QueryStringRange.bracketed(this, field);
        }
        if (c == '>' || c == '<') {
            return QueryStringRange.comparison(this, field);
        }
        if (c == '"') {
            String phrase = quoted();
            skipBoost();
            return new Query.Term(field, phrase);
        }
        if (c == '/') {
            throw QueryDslParser.invalid("unsupported query [regexp]");
        }
        String raw = bareTerm();
        if (raw == null) {
            throw syntax(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end of query");
        }
        if (peek() == '~') {
            throw QueryDslParser.invalid("unsupported query [fuzzy]");
        }
        skipBoost();
        if (raw.equals("*")) {
            return field.equals(Query.ALL_FIELDS) ? new Query.MatchAll() : new Query.Exists(field);
        }
        if (hasUnescapedWildcard(raw)) {
            return new Query.Wildcard(field, raw, false);
        }
        return new Query.Term(field, unescape(raw));
    }

    // --- lexing ------------------------------------------------------------------------------------

    /** AND, OR, NOT, &&, ||: the word form only when followed by a space or parenthesis. */
    private String operator() {
        if (text.startsWith("&&", pos)) {
            pos += 2;
            return "AND";
        }
        if (text.startsWith("||", pos)) {
            pos += 2;
            return "OR";
        }
        for (String word : new String[] {"AND", "OR", "NOT"}) {
            int end = pos + word.length();
            if (text.startsWith(word, pos) && (end == text.length() || Character.isWhitespace(text.charAt(end))
                    || text.charAt(end) == '(')) {
                pos = end;
                return word;
            }
        }
        return null;
    }

    /** A run of term characters, escapes kept (as {@code \x}) so wildcards can tell escaped from not. */
    String bareTerm() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                pos += 2;
                continue;
            }
            if (Character.isWhitespace(c) || "():\"[]{}^~<>/".indexOf(c) >= 0
                    || (pos == start && (c == '+' || c == '-' || c == '!'))) {
                break;
            }
            pos++;
        }
        return pos == start ? null : text.substring(start, pos);
    }

    String quoted() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        expect('"');
        return value.toString();
    }

    private void skipBoost() {
        if (peek() == '^') {
            pos++;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
        }
    }

    static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean hasUnescapedWildcard(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    void advance(int n) {
        pos += n;
    }

    boolean startsWith(String token) {
        return text.startsWith(token, pos);
    }

    void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw syntax(pos < text.length() ? "expected '" + c + "' but found '" + text.charAt(pos) + "'"
                    : "expected '" + c + "' at the end of the query");
        }
        pos++;
    }

    InvalidQueryException syntax(String problem) {
        return QueryDslParser.invalid("[query_string] Failed to parse query [" + text + "]: " + problem
                + " at position " + pos);
    }
}
