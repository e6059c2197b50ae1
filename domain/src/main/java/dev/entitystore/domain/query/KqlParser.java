package dev.entitystore.domain.query;

import java.util.ArrayList;
import java.util.List;

/**
 * KQL, the whole language (product rules §3.11), into the {@link Query} model, as Kibana's
 * {@code toElasticsearchQuery(fromKueryExpression(kql))} builds it without an index pattern:
 * {@code and} → bool filter, {@code or} → bool should (one must match), {@code not} → bool must_not,
 * {@code field:value} → match (an exact term on keywords), {@code field:"a b"} → match_phrase (the same on
 * keywords), {@code field:*} → exists, {@code field:ab*} → wildcard, {@code *:*} → match_all,
 * {@code field < v} → range, a bare value → any field, {@code a:{ b:c }} → {@code a.b:c}.
 *
 * <p>Nested queries: our records have no {@code nested} mapping, so {@code a:{ b:c and d:e }} is read as
 * {@code a.b:c and a.d:e} over flattened fields (Elasticsearch's object semantics), not per array element.
 */
public final class KqlParser {
    private KqlParser() {
    }

    /**
     * @throws InvalidQueryException {@code Invalid filter: <Kibana's parser message>} when the text is not KQL
     */
    public static Query parse(String kql) {
        if (kql.length() > QueryLimits.MAX_LENGTH) {
            throw new InvalidQueryException("Invalid filter: longer than " + QueryLimits.MAX_LENGTH + " characters");
        }
        KqlNode node;
        try {
            node = KqlGrammar.parse(kql);
        } catch (KqlSyntaxError e) {
            throw new InvalidQueryException("Invalid filter: " + e.getMessage());
        }
        return toQuery(node, "");
    }

    private static Query toQuery(KqlNode node, String nestedPath) {
        if (node instanceof KqlNode.Everything) {
            return new Query.MatchAll();
        }
        if (node instanceof KqlNode.Or or) {
            return Query.Bool.or(all(or.nodes(), nestedPath));
        }
        if (node instanceof KqlNode.And and) {
            return Query.Bool.and(all(and.nodes(), nestedPath));
        }
        if (node instanceof KqlNode.Not not) {
            return Query.Bool.not(toQuery(not.node(), nestedPath));
        }
        if (node instanceof KqlNode.Nested nested) {
            return toQuery(nested.query(), nestedPath + nested.field().text() + ".");
        }
        if (node instanceof KqlNode.Range range) {
            return range(nestedPath + range.field().text(), range.operator(), range.value().text());
        }
        if (node instanceof KqlNode.Is is) {
            return is(is.field(), is.value(), nestedPath);
        }
        throw new IllegalStateException("unknown KQL node " + node);
    }

    private static List<Query> all(List<KqlNode> nodes, String nestedPath) {
        List<Query> queries = new ArrayList<>(nodes.size());
        for (KqlNode node : nodes) {
            queries.add(toQuery(node, nestedPath));
        }
        return queries;
    }

    private static Query is(KqlLiteral field, KqlLiteral value, String nestedPath) {
        boolean anyValue = value.isLoneWildcard();
        if (field == null) {
            // A bare value: Kibana sends multi_match / query_string over every field.
            if (anyValue) {
                return new Query.MatchAll();
            }
            return value.isWildcard()
                    ? new Query.Wildcard(Query.ALL_FIELDS, value.wildcardPattern(), false)
                    : new Query.Term(Query.ALL_FIELDS, value.text());
        }
        if (anyValue && field.isLoneWildcard()) {
            return new Query.MatchAll();
        }
        String name = nestedPath + (field.isWildcard() ? field.wildcardPattern() : field.text());
        if (anyValue) {
            return new Query.Exists(name);
        }
        return value.isWildcard()
                ? new Query.Wildcard(name, value.wildcardPattern(), false)
                : new Query.Term(name, value.text());
    }

    private static Query range(String field, String operator, String value) {
        return switch (operator) {
            case "lt" -> new Query.Range(field, null, new Query.RangeBound(value, false));
            case "lte" -> new Query.Range(field, null, new Query.RangeBound(value, true));
            case "gt" -> new Query.Range(field, new Query.RangeBound(value, false), null);
            case "gte" -> new Query.Range(field, new Query.RangeBound(value, true), null);
            default -> throw new IllegalStateException("unknown range operator " + operator);
        };
    }
}
