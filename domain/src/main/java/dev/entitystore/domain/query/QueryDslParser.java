package dev.entitystore.domain.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Elasticsearch query DSL subset of product rules §3.11 ({@code filterQuery}) into the {@link Query} model:
 * {@code bool}, {@code term}, {@code terms}, {@code match}, {@code match_phrase}, {@code match_all},
 * {@code match_none}, {@code range}, {@code exists}, {@code prefix}, {@code wildcard}, {@code ids},
 * {@code query_string}. On a keyword mapping {@code match} and {@code match_phrase} are exact terms.
 * Scoring options ({@code boost}, {@code _name}) are accepted and have no effect: results are sorted, not scored.
 */
public final class QueryDslParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SCORING = Set.of("boost", "_name");

    private QueryDslParser() {
    }

    /**
     * @param json the {@code filterQuery} text
     * @throws InvalidQueryException {@code Invalid filterQuery: must be valid JSON},
     *                               {@code Invalid filterQuery: unsupported query [<name>]}, or another
     *                               {@code Invalid filterQuery: ...} naming what is malformed
     */
    public static Query parse(String json) {
        if (json.length() > QueryLimits.MAX_LENGTH) {
            throw invalid("longer than " + QueryLimits.MAX_LENGTH + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (StreamConstraintsException e) {
            throw tooDeep(); // the JSON itself nests past Jackson's limit, so the queries do too
        } catch (JsonProcessingException e) {
            throw invalid("must be valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw invalid("must be valid JSON");
        }
        return query(node, 1);
    }

    /** One query object: {@code {"<type>": {...}}}, {@code depth} query objects deep. */
    static Query query(JsonNode node, int depth) {
        if (depth > QueryLimits.MAX_DSL_DEPTH) {
            throw tooDeep();
        }
        if (!node.isObject()) {
            throw invalid("query malformed, must start with start_object");
        }
        if (node.isEmpty()) {
            return new Query.MatchAll();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Map.Entry<String, JsonNode> entry = fields.next();
        if (fields.hasNext()) {
            throw invalid("[" + entry.getKey() + "] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
        }
        String type = entry.getKey();
        JsonNode body = entry.getValue();
        return switch (type) {
            case "bool" -> bool(object(type, body), depth);
            case "match_all" -> { object(type, body); yield new Query.MatchAll(); }
            case "match_none" -> { object(type, body); yield new Query.MatchNone(); }
            case "term" -> term(type, body);
            case "match", "match_phrase" -> match(type, body);
            case "terms" -> terms(object(type, body));
            case "range" -> DslRange.parse(object(type, body));
            case "exists" -> exists(object(type, body));
            case "prefix" -> prefix(object(type, body));
            case "wildcard" -> wildcard(object(type, body));
            case "ids" -> ids(object(type, body));
            case "query_string" -> QueryStringParser.parse(object(type, body));
            default -> throw invalid("unsupported query [" + type + "]");
        };
    }

    private static Query bool(ObjectNode body, int depth) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        JsonNode minimum = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> clause = it.next();
            switch (clause.getKey()) {
                case "must" -> clauses(clause.getValue(), must, depth + 1);
                case "filter" -> clauses(clause.getValue(), filter, depth + 1);
                case "should" -> clauses(clause.getValue(), should, depth + 1);
                case "must_not", "mustNot" -> clauses(clause.getValue(), mustNot, depth + 1);
                case "minimum_should_match" -> minimum = clause.getValue();
                case "boost", "_name", "adjust_pure_negative" -> { }
                default -> throw invalid("[bool] query does not support [" + clause.getKey() + "]");
            }
        }
        int required = MinimumShouldMatch.resolve(minimum, should.size(), must.isEmpty() && filter.isEmpty());
        return new Query.Bool(must, filter, should, mustNot, required);
    }

    private static void clauses(JsonNode value, List<Query> into, int depth) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                into.add(query(item, depth));
            }
        } else {
            into.add(query(value, depth));
        }
    }

    private static Query term(String type, JsonNode body) {
        FieldAndValue term = FieldAndValue.of(type, object(type, body), "value");
        return new Query.Term(term.field(), term.value(), term.caseInsensitive());
    }

    private static Query match(String type, JsonNode body) {
        FieldAndValue match = FieldAndValue.of(type, object(type, body), "query");
        return new Query.Term(match.field(), match.value(), false);
    }

    private static Query prefix(ObjectNode body) {
        FieldAndValue prefix = FieldAndValue.of("prefix", body, "value");
        return new Query.Prefix(prefix.field(), prefix.value(), prefix.caseInsensitive());
    }

    private static Query wildcard(ObjectNode body) {
        FieldAndValue wildcard = FieldAndValue.of("wildcard", body, "value", "wildcard");
        return new Query.Wildcard(wildcard.field(), wildcard.value(), wildcard.caseInsensitive());
    }

    private static Query terms(ObjectNode body) {
        String field = null;
        List<String> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (SCORING.contains(entry.getKey())) {
                continue;
            }
            if (field != null) {
                throw invalid("[terms] query does not support multiple fields");
            }
            field = entry.getKey();
            if (!entry.getValue().isArray()) {
                throw invalid("[terms] query does not support [" + field + "]: expected an array of values (terms lookup is not supported)");
            }
            for (JsonNode value : entry.getValue()) {
                values.add(FieldAndValue.scalar("terms", value));
            }
        }
        if (field == null) {
            throw invalid("[terms] query requires a field");
        }
        return new Query.Terms(field, values);
    }

    private static Query exists(ObjectNode body) {
        JsonNode field = body.get("field");
        if (field == null || !field.isTextual()) {
            throw invalid("[exists] must be provided with a [field]");
        }
        return new Query.Exists(field.asText());
    }

    private static Query ids(ObjectNode body) {
        JsonNode values = body.get("values");
        if (values == null || !values.isArray()) {
            throw invalid("[ids] query requires [values] as an array");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode value : values) {
            ids.add(FieldAndValue.scalar("ids", value));
        }
        return new Query.Ids(ids);
    }

    static ObjectNode object(String type, JsonNode body) {
        if (!body.isObject()) {
            throw invalid("[" + type + "] query malformed, no start_object after query name");
        }
        return (ObjectNode) body;
    }

    private static InvalidQueryException tooDeep() {
        return invalid("queries nested too deeply (more than " + QueryLimits.MAX_DSL_DEPTH + " levels)");
    }

    static InvalidQueryException invalid(String problem) {
        return new InvalidQueryException("Invalid filterQuery: " + problem);
    }
}
