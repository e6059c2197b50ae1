package dev.entitystore.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

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
        List<KqlNode> nodes = separated(this::andQuery, this::or);
        return nodes == null ? null : nodes.size() == 1 ? nodes.get(0) : new KqlNode.Or(nodes);
    }

    // AndQuery = NotQuery (And NotQuery)+ / NotQuery
    private KqlNode andQuery() {
        List<KqlNode> nodes = separated(this::notQuery, this::and);
        return nodes == null ? null : nodes.size() == 1 ? nodes.get(0) : new KqlNode.And(nodes);
    }

    /** {@code item (separator item)*}: the items, or {@code null} if there is not even one. */
    private <T> List<T> separated(Supplier<T> item, BooleanSupplier separator) {
        T head = item.get();
        if (head == null) {
            return null;
        }
        List<T> items = new ArrayList<>();
        items.add(head);
        while (true) {
            int save = pos;
            T next = separator.getAsBoolean() ? item.get() : null;
            if (next == null) {
                pos = save;
                return items;
            }
            items.add(next);
        }
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
        List<Function<KqlLiteral, KqlNode>> parts = separated(this::andListOfValues, this::or);
        return parts == null ? null : parts.size() == 1 ? parts.get(0) : field -> new KqlNode.Or(applyAll(parts, field));
    }

    // AndListOfValues = NotListOfValues (And NotListOfValues)+ / NotListOfValues
    private Function<KqlLiteral, KqlNode> andListOfValues() {
        List<Function<KqlLiteral, KqlNode>> parts = separated(this::notListOfValues, this::and);
        return parts == null ? null : parts.size() == 1 ? parts.get(0) : field -> new KqlNode.And(applyAll(parts, field));
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

    /** A quoted or unquoted literal; always inside a named rule, so it fails silently. */
    private KqlLiteral literalValue() {
        KqlLiterals reader = new KqlLiterals(input, pos);
        KqlLiteral literal = reader.read();
        if (literal != null) {
            pos = reader.position();
        }
        return literal;
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
    private <T> T named(String name, Supplier<T> rule) {
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
