package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ExceptionListRequestException;
import dev.entitystore.domain.query.DocumentMatcher;
import dev.entitystore.domain.query.InvalidQueryException;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import java.util.Comparator;
import java.util.List;

/**
 * Kibana's endpoint-list item search: a KQL {@code filter} over the saved objects' attributes (fields
 * written {@code exception-list-agnostic.attributes.<name>}), a page of {@code per_page} items sorted by
 * an attribute. The list is bounded ({@link EndpointListItems#MAX_LIST_SIZE}), so its items are filtered
 * and sorted here, the same on every backend.
 */
public final class ItemSearch {
    static final String FIELD_PREFIX = "exception-list-agnostic.attributes.";
    private static final String TYPE = "exception-list-agnostic";

    private final ExceptionListStore store;
    private final EndpointList list;

    public ItemSearch(ExceptionListStore store, EndpointList list) {
        this.store = store;
        this.list = list;
    }

    /** One page of the answer: {@code data}, {@code page}, {@code per_page}, {@code total}. */
    public record Page(List<ObjectNode> data, int page, int perPage, int total) {
    }

    public Page find(String filter, int page, int perPage, String sortField, boolean descending, ListActor actor) {
        Query query = parse(filter);
        list.ensure(actor);
        Comparator<StoredListObject> order = Comparator.comparing(
                (StoredListObject o) -> o.attributes().path("created_at").asText())
                .thenComparing(o -> o.attributes().path("tie_breaker_id").asText());
        if (sortField != null && !sortField.isEmpty()) {
            Comparator<StoredListObject> byField = Comparator.comparing(o -> o.attributes().get(sortField),
                    Comparator.nullsLast(ItemSearch::compareValues));
            order = (descending ? byField.reversed() : byField).thenComparing(order);
        }
        List<StoredListObject> matching = store.items(EndpointList.LIST_ID).stream()
                .filter(o -> DocumentMatcher.matches(query, o.id(), o.attributes()))
                .sorted(order)
                .toList();
        long from = (long) (page - 1) * perPage;
        List<ObjectNode> data = matching.stream().skip(Math.min(from, matching.size())).limit(perPage)
                .map(ListObjectViews::item).toList();
        return new Page(data, page, perPage, matching.size());
    }

    private static int compareValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.asText().compareTo(b.asText());
    }

    /** The filter with its fields relative to the attributes; Kibana's texts for a field of no type. */
    private static Query parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return new Query.MatchAll();
        }
        Query query;
        try {
            query = KqlParser.parse(filter);
        } catch (InvalidQueryException e) {
            throw new ExceptionListRequestException(e.getMessage());
        }
        return relative(query);
    }

    private static Query relative(Query query) {
        if (query instanceof Query.Bool bool) {
            return new Query.Bool(relative(bool.must()), relative(bool.filter()), relative(bool.should()),
                    relative(bool.mustNot()), bool.minimumShouldMatch());
        }
        if (query instanceof Query.Term q) {
            return new Query.Term(field(q.field()), q.value(), q.caseInsensitive());
        }
        if (query instanceof Query.Terms q) {
            return new Query.Terms(field(q.field()), q.values());
        }
        if (query instanceof Query.Exists q) {
            return new Query.Exists(field(q.field()));
        }
        if (query instanceof Query.Prefix q) {
            return new Query.Prefix(field(q.field()), q.prefix(), q.caseInsensitive());
        }
        if (query instanceof Query.Wildcard q) {
            return new Query.Wildcard(field(q.field()), q.pattern(), q.caseInsensitive());
        }
        if (query instanceof Query.Range q) {
            return new Query.Range(field(q.field()), q.lower(), q.upper());
        }
        return query;
    }

    private static List<Query> relative(List<Query> queries) {
        return queries.stream().map(ItemSearch::relative).toList();
    }

    private static String field(String field) {
        if (field.startsWith(FIELD_PREFIX) && field.length() > FIELD_PREFIX.length()) {
            return field.substring(FIELD_PREFIX.length());
        }
        String key = field.equals(Query.ALL_FIELDS) ? "*" : field;
        throw new ExceptionListRequestException("This key '" + key + "' need to be wrapped by a saved object type like "
                + TYPE + ": Bad Request");
    }
}
