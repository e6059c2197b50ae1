package dev.entitystore.store.opensearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.QueryDslParser;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenSearch adapter gives the embedded adapter's answers: the same ids in the same order and the
 * same totals, for filters written in KQL, the query DSL and query_string (parsed by the real parsers),
 * under every kind of sort, walked page by page with searchAfter and paged with from/size past the
 * OpenSearch adapter's result window (set to 50 here).
 */
class SearchParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WINDOW = 50;

    @TempDir
    static Path dir;
    static SearchBackends backends;

    @BeforeAll
    static void fill() {
        backends = SearchBackends.open(dir, Clock.systemUTC(), WINDOW);
        backends.fill(Map.of("default", SearchFixture.entities(), "other", SearchFixture.otherSpace()));
    }

    @AfterAll
    static void close() {
        backends.close();
    }

    static Stream<String> filters() {
        return Stream.of(
                "kql:",
                "kql:host.name: web-07",
                "kql:host.name: web*",
                "kql:host.name: *eb-1*",
                "kql:host.name: (web-01 or DB-4)",
                "kql:not host.name: web*",
                "kql:host.name: *",
                "kql:host: *",
                "kql:not host: *",
                "kql:web-07",
                "kql:host.*: Web-02",
                "kql:entity.attributes.managed: true",
                "kql:entity.attributes.managed: false or not entity.attributes.managed: *",
                "kql:risk.score > 50",
                "kql:risk.score >= 25.5 and risk.score < 75",
                "kql:risk.score: 72.5",
                "kql:risk.score: 20",
                "kql:host.cpu.count <= 4",
                "kql:host.cpu.count: 4",
                "kql:host.cpu.count: 4.0",
                "kql:host.cpu.count > 2.5",
                "kql:entity.lifecycle.first_seen >= \"2024-01-05\"",
                "kql:entity.lifecycle.first_seen < \"2024-01-10T12:00:00Z\"",
                "kql:entity.lifecycle.first_seen: 2024-01-1*",
                "kql:entity.lifecycle.first_seen: *",
                "kql:@timestamp >= \"2024-06-02T10:05:00.000Z\"",
                "kql:@timestamp < now-1d",
                "kql:@timestamp: \"2024-06-03T10:04:00.000Z\"",
                "kql:entity.EngineMetadata.Type: user and user.email: *@corp*",
                "kql:entity.name > name-5",
                "kql:entity.name <= Name-3",
                "kql:entity: { name: name-7 }",
                "kql:tags: Zürich",
                "kql:tags: *ich",
                "kql:tags: x\\*y",
                "kql:entity.attributes.watchlists: list-1 and not entity.attributes.watchlists: list-2",
                "dsl:{\"match_all\":{}}",
                "dsl:{\"match_none\":{}}",
                "dsl:{\"term\":{\"host.name\":{\"value\":\"WEB-07\",\"case_insensitive\":true}}}",
                "dsl:{\"term\":{\"tags\":{\"value\":\"zürich\",\"case_insensitive\":true}}}",
                "dsl:{\"wildcard\":{\"tags\":{\"value\":\"zü*\",\"case_insensitive\":true}}}",
                "dsl:{\"wildcard\":{\"tags\":{\"value\":\"P?OD\"}}}",
                "dsl:{\"prefix\":{\"entity.id\":{\"value\":\"user:\"}}}",
                "dsl:{\"prefix\":{\"entity.name\":{\"value\":\"NAME-1\",\"case_insensitive\":true}}}",
                "dsl:{\"prefix\":{\"entity.attributes.managed\":{\"value\":\"tr\"}}}",
                "dsl:{\"terms\":{\"entity.EngineMetadata.Type\":[\"host\",\"service\"]}}",
                "dsl:{\"terms\":{\"host.cpu.count\":[\"1\",\"3\",\"x\"]}}",
                "dsl:{\"terms\":{\"entity.attributes.managed\":[\"true\"]}}",
                "dsl:{\"bool\":{\"should\":[{\"term\":{\"host.name\":\"web-01\"}},{\"term\":{\"host.name\":\"db-3\"}},"
                        + "{\"exists\":{\"field\":\"tags\"}}],\"minimum_should_match\":2}}",
                "dsl:{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"host\"}}]}}",
                "dsl:{\"bool\":{\"should\":[{\"term\":{\"host.name\":\"cache\"}}],\"minimum_should_match\":0}}",
                "dsl:{\"bool\":{\"must\":[{\"exists\":{\"field\":\"risk\"}}],\"should\":[{\"term\":{\"host.name\":\"cache\"}}]}}",
                "dsl:{\"range\":{\"entity.lifecycle.first_seen\":{\"gte\":\"2024-01-01||+1w/d\",\"lt\":\"2024-01-20\"}}}",
                "dsl:{\"range\":{\"entity.lifecycle.first_seen\":{\"gt\":\"2024-01-03\"}}}",
                "dsl:{\"range\":{\"host.cpu.count\":{\"gt\":2.5,\"lte\":6}}}",
                "dsl:{\"range\":{\"risk.score\":{\"gt\":\"10\",\"lt\":30.25}}}",
                "dsl:{\"range\":{\"@timestamp\":{\"gte\":\"now-10y/y\"}}}",
                "dsl:{\"range\":{\"entity.attributes.managed\":{\"gte\":\"s\"}}}",
                "dsl:{\"ids\":{\"values\":[\"id-0001\",\"id-0002\",\"id-0100\",\"nope\"]}}",
                "dsl:{\"exists\":{\"field\":\"entity.lifecycle\"}}",
                "dsl:{\"query_string\":{\"query\":\"host.name:web* AND NOT entity.attributes.managed:false\"}}",
                "dsl:{\"query_string\":{\"query\":\"risk.score:[10 TO 40} OR tags:prod\"}}",
                "dsl:{\"query_string\":{\"query\":\"cache\"}}");
    }

    static Stream<SearchSort> sorts() {
        return Stream.of(
                SearchSort.newestFirst(), new SearchSort("@timestamp", false),
                new SearchSort("host.name", false), new SearchSort("host.name", true),
                new SearchSort("risk.score", false), new SearchSort("risk.score", true),
                new SearchSort("host.cpu.count", true),
                new SearchSort("entity.lifecycle.first_seen", false), new SearchSort("entity.lifecycle.first_seen", true),
                new SearchSort("entity.attributes.managed", false), new SearchSort("entity.attributes.managed", true),
                new SearchSort("no.such.field", false));
    }

    static Stream<Arguments> filtersUnderNewestFirst() {
        return filters().map(Arguments::of);
    }

    static Stream<Arguments> sortsOverTwoFilters() {
        return sorts().flatMap(sort -> Stream.of(Arguments.of(sort, "kql:"), Arguments.of(sort, "kql:host.name: web*")));
    }

    static Query parse(String filter) {
        String text = filter.substring(4);
        if (filter.startsWith("kql:")) {
            return text.isEmpty() ? new Query.MatchAll() : KqlParser.parse(text);
        }
        return QueryDslParser.parse(text);
    }

    static SearchResult all(EntitySearch search, String space, Query query, SearchSort sort) {
        return search.search(new SearchRequest(space, query, sort, null, 0, 1000, true));
    }

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    @ParameterizedTest
    @MethodSource("filtersUnderNewestFirst")
    void a_filter_finds_the_same_entities_in_the_same_order(String filter) {
        Query query = parse(filter);
        SearchResult embedded = all(backends.embedded, "default", query, SearchSort.newestFirst());
        SearchResult opensearch = all(backends.opensearch, "default", query, SearchSort.newestFirst());
        assertThat(ids(opensearch)).isEqualTo(ids(embedded));
        assertThat(opensearch.total()).isEqualTo(embedded.total()).isEqualTo(embedded.hits().size());
    }

    @Test
    void the_filters_are_not_all_trivial() {
        long distinctCounts = filters().map(f -> all(backends.embedded, "default", parse(f), SearchSort.newestFirst()).total())
                .distinct().count();
        assertThat(distinctCounts).isGreaterThan(30);
    }

    @ParameterizedTest
    @MethodSource("sortsOverTwoFilters")
    void a_sort_orders_the_same_way_with_missing_values_last_and_ties_broken_alike(SearchSort sort, String filter) {
        Query query = parse(filter);
        assertThat(ids(all(backends.opensearch, "default", query, sort)))
                .isEqualTo(ids(all(backends.embedded, "default", query, sort)))
                .hasSizeGreaterThan(100);
    }

    @ParameterizedTest
    @MethodSource("sorts")
    void a_search_after_walk_visits_the_same_pages(SearchSort sort) throws Exception {
        Query query = new Query.MatchAll();
        List<String> embedded = walk(backends.embedded, query, sort, 7);
        List<String> opensearch = walk(backends.opensearch, query, sort, 7);
        assertThat(opensearch).isEqualTo(embedded).hasSize(SearchFixture.SIZE).doesNotHaveDuplicates();
    }

    /**
     * Under the cursor listing's sort, every page's cursor goes through JSON text and back, as it does
     * between a client and the server. (Other sorts are only paged by from/size over HTTP; their cursors
     * may hold an infinite number for a missing value, which JSON text cannot carry.)
     */
    private static List<String> walk(EntitySearch search, Query query, SearchSort sort, int size) throws Exception {
        List<String> visited = new ArrayList<>();
        List<Object> after = null;
        for (int pages = 0; pages <= SearchFixture.SIZE / size + 1; pages++) {
            SearchResult page = search.search(new SearchRequest("default", query, sort, after, 0, size, false));
            assertThat(page.total()).isEqualTo(-1);
            if (page.hits().isEmpty()) {
                return visited;
            }
            page.hits().forEach(hit -> visited.add(hit.id()));
            after = page.hits().get(page.hits().size() - 1).sortValues();
            if (sort.equals(SearchSort.newestFirst())) {
                String cursor = JSON.writeValueAsString(after);
                after = JSON.readValue(cursor, JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
            }
        }
        throw new AssertionError("the walk did not end; visited " + visited.size() + ", last cursor " + after);
    }

    @ParameterizedTest
    @MethodSource("sorts")
    void pages_by_from_and_size_agree_also_past_the_result_window(SearchSort sort) {
        Query query = KqlParser.parse("not host.name: cache");
        for (int[] page : new int[][] {{0, 10}, {40, 10}, {45, 10}, {95, 30}, {120, 7}, {200, 80}, {0, 150}, {290, 100}, {400, 10}}) {
            SearchRequest request = new SearchRequest("default", query, sort, null, page[0], page[1], true);
            SearchResult embedded = backends.embedded.search(request);
            SearchResult opensearch = backends.opensearch.search(request);
            assertThat(ids(opensearch)).as("from %d size %d", page[0], page[1]).isEqualTo(ids(embedded));
            assertThat(opensearch.total()).isEqualTo(embedded.total()).isGreaterThan(250);
        }
    }

    @Test
    void from_after_a_cursor_skips_the_same_entities() {
        SearchSort sort = new SearchSort("risk.score", true);
        Query query = new Query.MatchAll();
        List<Object> cursor = backends.embedded.search(new SearchRequest("default", query, sort, null, 0, 30, false))
                .hits().get(29).sortValues();
        List<Object> openCursor = backends.opensearch.search(new SearchRequest("default", query, sort, null, 0, 30, false))
                .hits().get(29).sortValues();
        SearchResult embedded = backends.embedded.search(new SearchRequest("default", query, sort, cursor, 60, 20, true));
        SearchResult opensearch = backends.opensearch.search(new SearchRequest("default", query, sort, openCursor, 60, 20, true));
        assertThat(ids(opensearch)).isEqualTo(ids(embedded)).hasSize(20);
        assertThat(opensearch.total()).isEqualTo(embedded.total()).isEqualTo(SearchFixture.SIZE);
    }

    @Test
    void a_space_sees_only_its_own_entities() {
        Query query = KqlParser.parse("host.name: web-07");
        assertThat(ids(all(backends.opensearch, "other", query, SearchSort.newestFirst())))
                .isEqualTo(ids(all(backends.embedded, "other", query, SearchSort.newestFirst())))
                .containsExactly("id-0004", "id-0003", "id-0002", "id-0001", "id-0000");
    }
}
