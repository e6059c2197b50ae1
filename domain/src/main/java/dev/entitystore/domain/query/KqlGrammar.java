package dev.entitystore.domain.query;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * A recursive-descent reading of Kibana's KQL grammar (kbn-es-query's PEG), rule for rule, so that both
 * what it accepts and how it fails match Kibana's: like the generated PEG parser it remembers the
 * furthest position where a match failed and what was expected there, with named rules ("value",
 * "fieldName", "whitespace", "OR", ...) reporting their name instead of their insides. Kibana's message
 * is built from exactly that ({@link KqlSyntaxError}).
 *
 * <p>One difference that changes no result: where a rule's first alternative ({@code head (Or head)+})
 * fails only for want of a second item, the PEG parser re-parses the head as the second alternative; we
 * keep the head instead of parsing it again (same result, same expectations), which keeps nested
 * parentheses linear instead of exponential.
 */
final class KqlGrammar {
    /** Deeper nesting than this is refused rather than risking the stack. */
    private static final int MAX_DEPTH = 200;

    private final String input;
    private int pos;
    private int maxFailPos;
    private final List<String> expected = new ArrayList<>();
    private int silent;
    private int depth;

    private KqlGrammar(String input) {
        this.input = input;
    }

    /** Parses a whole expression; an empty one means every entity. */
    static KqlNode parse(String input) {
        return new KqlGrammar(input).start();
    }

    // start = Space* OrQuery? OptionalSpace, then end of input
    private KqlNode start() {
        spaces();
        int save = pos;
        KqlNode query = orQuery();
        if (query == null) {
            pos = save;
        }
        spaces();
        if (pos == input.length()) {
            return query == null ? new KqlNode.Everything() : query;
        }
        fail("end of input");
        throw new KqlSyntaxError(input, maxFailPos, expected);
    }

    // OrQuery = AndQuery (Or AndQuery)+ / AndQuery
    private KqlNode orQuery() {
        KqlNode head = andQuery();
        if (head == null) {
            return null;
        }
        List<KqlNode> nodes = new ArrayList<>();
        nodes.add(head);
        while (true) {
            int save = pos;
            KqlNode next = or() ? andQuery() : null;
            if (next == null) {
                pos = save;
                break;
            }
            nodes.add(next);
        }
        return nodes.size() == 1 ? head : new KqlNode.Or(nodes);
    }

    // AndQuery = NotQuery (And NotQuery)+ / NotQuery
    private KqlNode andQuery() {
        KqlNode head = notQuery();
        if (head == null) {
            return null;
        }
        List<KqlNode> nodes = new ArrayList<>();
        nodes.add(head);
        while (true) {
            int save = pos;
            KqlNode next = and() ? notQuery() : null;
            if (next == null) {
                pos = save;
                break;
            }
            nodes.add(next);
        }
        return nodes.size() == 1 ? head : new KqlNode.And(nodes);
    }

    // NotQuery = Not SubQuery / SubQuery
    private KqlNode notQuery() {
        int save = pos;
        if (not()) {
            KqlNode query = subQuery();
            if (query != null) {
                return new KqlNode.Not(query);
            }
        }
        pos = save;
        return subQuery();
    }

    // SubQuery = '(' Space* OrQuery OptionalSpace ')' / NestedQuery
    private KqlNode subQuery() {
        int save = pos;
        if (literal("(")) {
            enter();
            spaces();
            KqlNode query = orQuery();
            depth--;
            if (query != null) {
                spaces();
                if (literal(")")) {
                    return query;
                }
            }
        }
        pos = save;
        return nestedQuery();
    }

    // NestedQuery = Field Space* ':' Space* '{' Space* OrQuery OptionalSpace '}' / Expression
    private KqlNode nestedQuery() {
        int save = pos;
        KqlLiteral field = field();
        if (field != null) {
            spaces();
            if (literal(":")) {
                spaces();
                if (literal("{")) {
                    enter();
                    spaces();
                    KqlNode query = orQuery();
                    depth--;
                    if (query != null) {
                        spaces();
                        if (literal("}")) {
                            return new KqlNode.Nested(field, query);
                        }
                    }
                }
            }
        }
        pos = save;
        return expression();
    }

    // Expression = FieldRangeExpression / FieldValueExpression / ValueExpression
    private KqlNode expression() {
        KqlNode range = fieldRangeExpression();
        if (range != null) {
            return range;
        }
        KqlNode fieldValue = fieldValueExpression();
        if (fieldValue != null) {
            return fieldValue;
        }
        Function<KqlLiteral, KqlNode> value = value();
        return value == null ? null : value.apply(null);
    }

    // FieldRangeExpression = Field Space* RangeOperator Space* Literal
    private KqlNode fieldRangeExpression() {
        int save = pos;
        KqlLiteral field = field();
        if (field != null) {
            spaces();
            String operator = rangeOperator();
            if (operator != null) {
                spaces();
                KqlLiteral value = namedLiteral();
                if (value != null) {
                    return new KqlNode.Range(field, operator, value);
                }
            }
        }
        pos = save;
        return null;
    }

    // FieldValueExpression = Field Space* ':' Space* ListOfValues
    private KqlNode fieldValueExpression() {
        int save = pos;
        KqlLiteral field = field();
        if (field != null) {
            spaces();
            if (literal(":")) {
                spaces();
                Function<KqlLiteral, KqlNode> values = listOfValues();
                if (values != null) {
                    return values.apply(field);
                }
            }
        }
        pos = save;
        return null;
    }

    // ListOfValues = '(' Space* OrListOfValues OptionalSpace ')' / Value
    private Function<KqlLiteral, KqlNode> listOfValues() {
        int save = pos;
        if (literal("(")) {
            enter();
            spaces();
            Function<KqlLiteral, KqlNode> values = orListOfValues();
            depth--;
            if (values != null) {
                spaces();
                if (literal(")")) {
                    return values;
                }
            }
        }
        pos = save;
        return value();
    }

    // OrListOfValues = AndListOfValues (Or AndListOfValues)+ / AndListOfValues
    private Function<KqlLiteral, KqlNode> orListOfValues() {
        Function<KqlLiteral, KqlNode> head = andListOfValues();
        if (head == null) {
            return null;
        }
        List<Function<KqlLiteral, KqlNode>> parts = new ArrayList<>();
        parts.add(head);
        while (true) {
            int save = pos;
            Function<KqlLiteral, KqlNode> next = or() ? andListOfValues() : null;
            if (next == null) {
                pos = save;
                break;
            }
            parts.add(next);
        }
        return parts.size() == 1 ? head : field -> new KqlNode.Or(applyAll(parts, field));
    }

    // AndListOfValues = NotListOfValues (And NotListOfValues)+ / NotListOfValues
    private Function<KqlLiteral, KqlNode> andListOfValues() {
        Function<KqlLiteral, KqlNode> head = notListOfValues();
        if (head == null) {
            return null;
        }
        List<Function<KqlLiteral, KqlNode>> parts = new ArrayList<>();
        parts.add(head);
        while (true) {
            int save = pos;
            Function<KqlLiteral, KqlNode> next = and() ? notListOfValues() : null;
            if (next == null) {
                pos = save;
                break;
            }
            parts.add(next);
        }
        return parts.size() == 1 ? head : field -> new KqlNode.And(applyAll(parts, field));
    }

    // NotListOfValues = Not ListOfValues / ListOfValues
    private Function<KqlLiteral, KqlNode> notListOfValues() {
        int save = pos;
        if (not()) {
            Function<KqlLiteral, KqlNode> values = listOfValues();
            if (values != null) {
                return field -> new KqlNode.Not(values.apply(field));
            }
        }
        pos = save;
        return listOfValues();
    }

    private static List<KqlNode> applyAll(List<Function<KqlLiteral, KqlNode>> parts, KqlLiteral field) {
        List<KqlNode> nodes = new ArrayList<>(parts.size());
        for (Function<KqlLiteral, KqlNode> part : parts) {
            nodes.add(part.apply(field));
        }
        return nodes;
    }

    // Value "value" = QuotedString / UnquotedLiteral
    private Function<KqlLiteral, KqlNode> value() {
        KqlLiteral value = named("value", this::literalValue);
        return value == null ? null : field -> new KqlNode.Is(field, value);
    }

    // Field "fieldName" = Literal
    private KqlLiteral field() {
        return named("fieldName", () -> named("literal", this::literalValue));
    }

    // Literal "literal" = QuotedString / UnquotedLiteral
    private KqlLiteral namedLiteral() {
        return named("literal", this::literalValue);
    }

    private KqlLiteral literalValue() {
        KqlLiteral quoted = quotedString();
        return quoted != null ? quoted : unquotedLiteral();
    }

    // QuotedString = '"' QuotedCharacter* '"'
    private KqlLiteral quotedString() {
        int save = pos;
        if (!literal("\"")) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        while (pos < input.length() && input.charAt(pos) != '"') {
            char c = input.charAt(pos);
            if (c == '\\') {
                Character escaped = escapedWhitespace();
                if (escaped == null) {
                    escaped = escapedUnicode();
                }
                if (escaped == null && pos + 1 < input.length()
                        && (input.charAt(pos + 1) == '\\' || input.charAt(pos + 1) == '"')) {
                    escaped = input.charAt(pos + 1);
                    pos += 2;
                }
                if (escaped != null) {
                    text.append(escaped.charValue());
                    continue;
                }
            }
            text.append(c); // any other character, a lone backslash included, stands for itself
            pos++;
        }
        if (!literal("\"")) {
            pos = save;
            return null;
        }
        return KqlLiteral.quoted(text.toString());
    }

    // UnquotedLiteral = UnquotedCharacter+ (trimmed; unescaped '*' are wildcards)
    private KqlLiteral unquotedLiteral() {
        StringBuilder text = new StringBuilder();
        BitSet wildcards = new BitSet();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '\\') {
                Character escaped = escapedWhitespace();
                if (escaped == null && pos + 1 < input.length() && isSpecial(input.charAt(pos + 1))) {
                    escaped = input.charAt(pos + 1);
                    pos += 2;
                }
                if (escaped == null) {
                    escaped = escapedUnicode();
                }
                if (escaped == null) {
                    String keyword = escapedKeyword();
                    if (keyword != null) {
                        text.append(keyword);
                        continue;
                    }
                }
                if (escaped == null) {
                    break; // a backslash that escapes nothing is a special character: the literal ends
                }
                text.append(escaped.charValue());
                continue;
            }
            if (c == '*') {
                wildcards.set(text.length());
                text.append('*');
                pos++;
                continue;
            }
            if (isSpecial(c) || atKeyword()) {
                break;
            }
            text.append(c);
            pos++;
        }
        if (text.length() == 0) {
            return null;
        }
        return trim(text.toString(), wildcards);
    }

    /** JavaScript's {@code trim()}, keeping the wildcard marks in step. */
    private static KqlLiteral trim(String text, BitSet wildcards) {
        int from = 0;
        int to = text.length();
        while (from < to && isJsWhitespace(text.charAt(from)) && !wildcards.get(from)) {
            from++;
        }
        while (to > from && isJsWhitespace(text.charAt(to - 1)) && !wildcards.get(to - 1)) {
            to--;
        }
        return new KqlLiteral(text.substring(from, to), wildcards.get(from, to), false);
    }

    private static boolean isJsWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    // EscapedWhitespace = '\t' / '\r' / '\n' (backslash and letter)
    private Character escapedWhitespace() {
        if (pos + 1 < input.length()) {
            char next = input.charAt(pos + 1);
            char resolved = next == 't' ? '\t' : next == 'r' ? '\r' : next == 'n' ? '\n' : 0;
            if (resolved != 0) {
                pos += 2;
                return resolved;
            }
        }
        return null;
    }

    // EscapedUnicodeSequence = '\' 'u' HexDigit{4}
    private Character escapedUnicode() {
        if (pos + 6 <= input.length() && input.charAt(pos + 1) == 'u') {
            String digits = input.substring(pos + 2, pos + 6);
            if (digits.chars().allMatch(KqlGrammar::isHexDigit)) {
                pos += 6;
                return (char) Integer.parseInt(digits, 16);
            }
        }
        return null;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // EscapedKeyword = '\' ('or'i / 'and'i / 'not'i)
    private String escapedKeyword() {
        for (String keyword : new String[] {"or", "and", "not"}) {
            int end = pos + 1 + keyword.length();
            if (end <= input.length() && input.substring(pos + 1, end).equalsIgnoreCase(keyword)) {
                String original = input.substring(pos + 1, end);
                pos = end;
                return original;
            }
        }
        return null;
    }

    // SpecialCharacter = [\\():<>"*{}]
    private static boolean isSpecial(char c) {
        return c == '\\' || c == '(' || c == ')' || c == ':' || c == '<' || c == '>' || c == '"' || c == '*'
                || c == '{' || c == '}';
    }

    // !Keyword, where Keyword = Or / And / Not: looked at silently, consuming nothing
    private boolean atKeyword() {
        int save = pos;
        silent++;
        boolean keyword = or() || and() || not();
        silent--;
        pos = save;
        return keyword;
    }

    // RangeOperator = '<=' / '>=' / '<' / '>'
    private String rangeOperator() {
        if (literal("<=")) {
            return "lte";
        }
        if (literal(">=")) {
            return "gte";
        }
        if (literal("<")) {
            return "lt";
        }
        if (literal(">")) {
            return "gt";
        }
        return null;
    }

    // Or "OR" = Space+ 'or'i Space+
    private boolean or() {
        return keyword("OR", true, "or");
    }

    // And "AND" = Space+ 'and'i Space+
    private boolean and() {
        return keyword("AND", true, "and");
    }

    // Not "NOT" = 'not'i Space+
    private boolean not() {
        return keyword("NOT", false, "not");
    }

    private boolean keyword(String name, boolean leadingSpace, String word) {
        int save = pos;
        silent++;
        boolean ok = (!leadingSpace || spaces() > 0) && ignoreCase(word) && spaces() > 0;
        silent--;
        if (!ok) {
            pos = save;
            fail(name);
        }
        return ok;
    }

    private boolean ignoreCase(String word) {
        int end = pos + word.length();
        if (end <= input.length() && input.substring(pos, end).equalsIgnoreCase(word)) {
            pos = end;
            return true;
        }
        return false;
    }

    // Space "whitespace" = [\ \t\r\n\u00A0], as Space*: returns how many were read
    private int spaces() {
        int count = 0;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
            count++;
        }
        fail("whitespace"); // the attempt that ended the repetition failed here
        return count;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0';
    }

    private boolean literal(String text) {
        if (input.startsWith(text, pos)) {
            pos += text.length();
            return true;
        }
        fail("\"" + text + "\"");
        return false;
    }

    /** A named rule: its insides fail silently; if it fails, its name is expected where it started. */
    private <T> T named(String name, java.util.function.Supplier<T> rule) {
        int save = pos;
        silent++;
        T result = rule.get();
        silent--;
        if (result == null) {
            pos = save;
            fail(name);
        }
        return result;
    }

    private void fail(String expectation) {
        if (silent > 0 || pos < maxFailPos) {
            return;
        }
        if (pos > maxFailPos) {
            maxFailPos = pos;
            expected.clear();
        }
        expected.add(expectation);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new KqlSyntaxError("Expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }
}
