package dev.entitystore.domain.query;

import java.util.List;

/** The syntax tree of a KQL expression, as Kibana's grammar builds it (its function nodes). */
sealed interface KqlNode {
    /** {@code a or b or ...} */
    record Or(List<KqlNode> nodes) implements KqlNode {}

    /** {@code a and b and ...} */
    record And(List<KqlNode> nodes) implements KqlNode {}

    /** {@code not a} */
    record Not(KqlNode node) implements KqlNode {}

    /** {@code field:{ query }}: the inner query's fields are relative to {@code field}. */
    record Nested(KqlLiteral field, KqlNode query) implements KqlNode {}

    /** {@code field < value}, {@code <=}, {@code >}, {@code >=}. */
    record Range(KqlLiteral field, String operator, KqlLiteral value) implements KqlNode {}

    /** {@code field:value}, or a bare value when {@code field} is null. */
    record Is(KqlLiteral field, KqlLiteral value) implements KqlNode {}

    /** An empty expression: every entity. */
    record Everything() implements KqlNode {}
}
