package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.InvalidQueryException;
import dev.entitystore.domain.query.QueryDslParser;
import dev.entitystore.domain.search.QueryTooComplexException;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import java.util.ArrayList;
import java.util.List;

/**
 * Page mode: {@code entity_types} as a terms filter on {@code entity.EngineMetadata.Type},
 * combined with {@code filterQuery} in a bool must, sorted on {@code sort_field} (then {@code _id}),
 * {@code from = (page-1)*per_page}; the total is exact; records post-processed as Kibana does; and
 * {@code inspect} shows the query as Kibana builds it.
 *
 * <p>Unlike Elasticsearch there is no 10,000 result window: any page can be asked for.
 */
final class PageListing {
    static final int DEFAULT_PAGE = 1;
    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_SIZE = 10_000;
    static final String TYPE_FIELD = "entity.EngineMetadata.Type";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntitySearch search;

    PageListing(EntitySearch search) {
        this.search = search;
    }

    ListAnswer.Page list(String space, ListParameters p, boolean installed) {
        long page = p.page() == null ? DEFAULT_PAGE : p.page();
        int perPage = p.perPage() == null ? DEFAULT_PER_PAGE : p.perPage();
        String sortField = p.sortField() == null ? SearchSort.TIMESTAMP : p.sortField();
        boolean descending = p.sortOrder() == null || p.sortOrder().equals("desc");
        List<String> types = p.entityTypes() == null ? List.of() : p.entityTypes();

        Query parsed = p.filterQuery() == null || p.filterQuery().isEmpty() ? null : QueryDslParser.parse(p.filterQuery());
        Query typeFilter = types.isEmpty() ? null : new Query.Terms(TYPE_FIELD, types);
        Query query = typeFilter != null && parsed != null
                ? new Query.Bool(List.of(typeFilter, parsed), List.of(), List.of(), List.of(), 0)
                : typeFilter != null ? typeFilter : parsed != null ? parsed : new Query.MatchAll();

        long started = System.nanoTime();
        // page is at most 2^53 - 1 (Kibana's schema): past an int's worth of entities every page is empty anyway
        long from = page - 1 > (Integer.MAX_VALUE - MAX_SIZE) / perPage ? Integer.MAX_VALUE - MAX_SIZE : (page - 1) * perPage;
        SearchResult result = installed
                ? search(new SearchRequest(space, query, new SearchSort(sortField, descending), null, (int) from,
                        Math.min(perPage, MAX_SIZE), true))
                : SearchResult.empty();
        long took = (System.nanoTime() - started) / 1_000_000;

        List<ObjectNode> records = new ArrayList<>(result.hits().size());
        for (SearchHit hit : result.hits()) {
            records.add(RecordNormalizer.normalize(hit.source()));
        }
        String index = indexName(space);
        ListAnswer.Inspect inspect = new ListAnswer.Inspect(
                List.of(InspectLiteral.of(request(index, typeFilter != null, types, p.filterQuery(), parsed != null))),
                List.of(InspectLiteral.of(response(index, result, took), expectedLiteral(result))));
        return new ListAnswer.Page(records, result.total(), page, perPage, inspect);
    }

    /**
     * Room for the response's literal up front: a record's text comes out ~2.2 times as long pretty-printed and
     * escaped (measured on the bench kit's hosts), plus each hit's own keys.
     */
    private static int expectedLiteral(SearchResult result) {
        long bytes = 1024;
        for (SearchHit hit : result.hits()) {
            bytes += 512 + hit.storedJson().map(json -> json.length * 5L / 2).orElse(2048L);
        }
        return (int) Math.min(bytes, 64L << 20);
    }

    /** Where Kibana reads a space's entities; named in {@code inspect} only. */
    static String indexName(String space) {
        return "entities-latest-" + space;
    }

    /** Kibana's {@code {index, body: query}}; the query absent when there is none. */
    private static ObjectNode request(String index, boolean hasTypes, List<String> types, String filterQuery, boolean hasFilter) {
        ObjectNode request = NODES.objectNode();
        request.putArray("index").add(index);
        JsonNode typeFilter = null;
        if (hasTypes) {
            ObjectNode terms = NODES.objectNode();
            ArrayNode values = terms.putObject("terms").putArray(TYPE_FIELD);
            types.forEach(values::add);
            typeFilter = terms;
        }
        JsonNode filter = hasFilter ? readJson(filterQuery) : null;
        if (typeFilter != null && filter != null) {
            ObjectNode bool = NODES.objectNode();
            bool.putObject("bool").putArray("must").add(typeFilter).add(filter);
            request.set("body", bool);
        } else if (typeFilter != null || filter != null) {
            request.set("body", typeFilter != null ? typeFilter : filter);
        }
        return request;
    }

    private static ObjectNode response(String index, SearchResult result, long took) {
        ObjectNode response = NODES.objectNode();
        response.put("took", took);
        response.put("timed_out", false);
        ObjectNode shards = response.putObject("_shards");
        shards.put("total", 1).put("successful", 1).put("skipped", 0).put("failed", 0);
        ObjectNode hits = response.putObject("hits");
        hits.putObject("total").put("value", Math.max(result.total(), 0)).put("relation", "eq");
        hits.putNull("max_score");
        ArrayNode list = hits.putArray("hits");
        for (SearchHit hit : result.hits()) {
            ObjectNode item = list.addObject();
            item.put("_index", index);
            item.put("_id", hit.id());
            item.putNull("_score");
            item.set("_source", hit.source());
            ArrayNode sort = item.putArray("sort");
            hit.sortValues().forEach(value -> sort.add(JSON.valueToTree(value)));
        }
        return response;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("parsed once already", e);
        }
    }

    private SearchResult search(SearchRequest request) {
        try {
            return search.search(request);
        } catch (QueryTooComplexException e) {
            throw new InvalidQueryException("Invalid filterQuery: " + e.getMessage());
        }
    }
}
