package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.store.opensearch.EntityIndexDefinition;
import dev.entitystore.store.opensearch.IndexNames;
import dev.entitystore.store.opensearch.OpenSearchConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EntitySearch} on OpenSearch: a space's entities are its own index, so a search reads one index
 * and never sees another space; a space whose index does not exist yet has no entities. The query is
 * compiled against the index's mapping ({@link OpenSearchQueryCompiler}), sorted with a tie-breaker
 * ({@link SearchSorts}), and paged with {@code from}/{@code size} or {@code search_after}.
 *
 * <p>The embedded index has no result window; OpenSearch refuses {@code from + size} beyond
 * {@code index.max_result_window} (10,000) and {@code from} together with {@code search_after}. Such
 * pages are reached by walking with {@code search_after} in window-sized steps that fetch sort values
 * only: it costs a round trip per 10,000 entities skipped, with no memory bound to raise on the cluster.
 *
 * <p>Every search that reads the index refreshes it first ({@link SearchCalls#refresh}): entity writes
 * are answered without waiting for a refresh, and a search must find every write answered before it, by
 * any server on the cluster. The refresh is the node's: servers share no memory, and the node knows
 * whether anything came in since its last refresh (when nothing did, the refresh does no work). Concurrent
 * searches of one index share a refresh sent after they arrived ({@link RefreshRounds}).
 */
public final class OpenSearchEntitySearch implements EntitySearch {
    /** OpenSearch's default {@code index.max_result_window}. */
    static final int RESULT_WINDOW = 10_000;

    private final IndexNames names;
    private final SearchCalls calls;
    private final RefreshRounds refreshes;
    private final IndexMappings mappings;
    private final Clock clock;
    private final int window;

    public OpenSearchEntitySearch(OpenSearchConnection connection, IndexNames names) {
        this(connection, names, Clock.systemUTC(), RESULT_WINDOW);
    }

    /** With a clock for date math and a smaller window, so tests can walk past it with few entities. */
    OpenSearchEntitySearch(OpenSearchConnection connection, IndexNames names, Clock clock, int window) {
        this.names = names;
        this.calls = new SearchCalls(connection.client());
        this.refreshes = new RefreshRounds(calls::refresh);
        this.mappings = new IndexMappings(calls, System::nanoTime);
        this.clock = clock;
        this.window = window;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        String index = names.entities(request.space());
        IndexMappings.Lookup lookup = mappings.get(index);
        Plan plan = lookup.mapping() == null ? null : plan(request, lookup.mapping());
        if (plan != null && plan.readAbsentFields() && !lookup.fresh()) {
            IndexMapping newer = mappings.fresh(index);
            plan = newer == null ? null : plan(request, newer);
        }
        if (plan == null) {
            return nothing(request);
        }
        try {
            return run(index, plan, request);
        } catch (SearchCalls.SearchRejectedException rejected) {
            // Most likely our mapping is older than the index (deleted and created again): read it and retry once.
            IndexMapping newer = mappings.fresh(index);
            if (newer == null) {
                return nothing(request);
            }
            try {
                return run(index, plan(request, newer), request);
            } catch (SearchCalls.SearchRejectedException again) {
                throw new IllegalStateException("OpenSearch refused a search of " + index + ": " + again.getMessage(), again);
            }
        } catch (IndexMissing missing) {
            mappings.forget(index);
            return nothing(request);
        }
    }

    /** What one search sends: the query, the sort, and the validated {@code search_after}. */
    private record Plan(ObjectNode query, SearchSorts sorts, ArrayNode searchAfter, boolean readAbsentFields) {
    }

    private Plan plan(SearchRequest request, IndexMapping mapping) {
        OpenSearchQueryCompiler compiler = new OpenSearchQueryCompiler(mapping, clock.millis());
        ObjectNode query = compiler.compile(request.query());
        SearchSorts sorts = SearchSorts.of(request.sort(), mapping);
        ArrayNode after = request.searchAfter() == null ? null : sorts.searchAfter(request.searchAfter());
        return new Plan(query, sorts, after, compiler.readAbsentFields() || sorts.readAbsentField());
    }

    /** A space without an index has no entities; {@code searchAfter} that cannot fit the sort is still refused. */
    private static SearchResult nothing(SearchRequest request) {
        if (request.searchAfter() != null) {
            SearchSorts.of(request.sort(), IndexMapping.EMPTY).searchAfter(request.searchAfter());
        }
        return new SearchResult(List.of(), request.countTotal() ? 0 : -1);
    }

    private SearchResult run(String index, Plan plan, SearchRequest request) {
        if (request.size() == 0 && !request.countTotal()) {
            return new SearchResult(List.of(), -1);
        }
        if (!refreshes.refresh(index)) {
            throw new IndexMissing();
        }
        if (request.size() == 0) {
            return new SearchResult(List.of(), total(send(index, body(plan, null, 0, 0, true, false))));
        }
        if (plan.searchAfter() == null && (long) request.from() + request.size() <= window) {
            JsonNode answer = send(index, body(plan, null, request.from(), request.size(), request.countTotal(), true));
            return new SearchResult(hits(answer, plan.sorts()), request.countTotal() ? total(answer) : -1);
        }
        return walk(index, plan, request);
    }

    /** A page beyond the result window, or after a cursor with {@code from}: stepped through with {@code search_after}. */
    private SearchResult walk(String index, Plan plan, SearchRequest request) {
        JsonNode cursor = plan.searchAfter();
        boolean count = request.countTotal();
        long total = -1;
        int skip = request.from();
        while (skip > 0) {
            int step = Math.min(skip, window);
            JsonNode answer = send(index, body(plan, cursor, 0, step, count, false));
            if (count) {
                total = total(answer); // search_after does not change the count of matches
                count = false;
            }
            JsonNode page = answer.path("hits").path("hits");
            if (page.size() < step) {
                return new SearchResult(List.of(), total);
            }
            cursor = page.get(page.size() - 1).path("sort");
            skip -= step;
        }
        List<SearchHit> hits = new ArrayList<>();
        while (hits.size() < request.size()) {
            int step = Math.min(request.size() - hits.size(), window);
            JsonNode answer = send(index, body(plan, cursor, 0, step, count, true));
            if (count) {
                total = total(answer);
                count = false;
            }
            JsonNode page = answer.path("hits").path("hits");
            hits.addAll(hits(answer, plan.sorts()));
            if (page.size() < step) {
                break;
            }
            cursor = page.get(page.size() - 1).path("sort");
        }
        return new SearchResult(hits, total);
    }

    private static ObjectNode body(Plan plan, JsonNode searchAfter, int from, int size, boolean countTotal, boolean source) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("query", plan.query());
        body.set("sort", plan.sorts().clauses());
        if (searchAfter != null) {
            body.set("search_after", searchAfter);
        }
        body.put("from", from);
        body.put("size", size);
        body.put("track_total_hits", countTotal);
        if (source) {
            // The changes a document carries (issue 18) are the store's, never part of an answer.
            body.putObject("_source").putArray("excludes").add(EntityIndexDefinition.CARRIED_CHANGES);
        } else {
            body.put("_source", false);
        }
        return body;
    }

    private JsonNode send(String index, ObjectNode body) {
        JsonNode answer = calls.search(index, body);
        if (answer == null) {
            throw new IndexMissing();
        }
        return answer;
    }

    private static long total(JsonNode answer) {
        return answer.path("hits").path("total").path("value").asLong(0);
    }

    private static List<SearchHit> hits(JsonNode answer, SearchSorts sorts) {
        JsonNode page = answer.path("hits").path("hits");
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (JsonNode hit : page) {
            JsonNode source = hit.path("_source");
            hits.add(new SearchHit(hit.path("_id").asText(),
                    source.isObject() ? (ObjectNode) source : JsonNodeFactory.instance.objectNode(),
                    sorts.wireValues(hit.path("sort"))));
        }
        return hits;
    }

    /** The index went away between reading its mapping and searching it. */
    private static final class IndexMissing extends RuntimeException {
        IndexMissing() {
            super(null, null, false, false);
        }
    }
}
