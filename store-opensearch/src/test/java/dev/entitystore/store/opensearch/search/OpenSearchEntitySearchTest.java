package dev.entitystore.store.opensearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.InvalidSearchAfterException;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.store.opensearch.IndexNames;
import dev.entitystore.store.opensearch.OpenSearchConnection;
import dev.entitystore.store.opensearch.OpenSearchForTests;
import dev.entitystore.store.opensearch.OpenSearchSettings;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenSearch search adapter's own behaviour on a real node: indices that come and go, cursors, failures. */
class OpenSearchEntitySearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static OpenSearchConnection connection;
    static IndexNames names;
    static OpenSearchEntitySearch search;

    @BeforeAll
    static void connect() {
        OpenSearchSettings settings = OpenSearchForTests.freshSettings();
        connection = OpenSearchConnection.open(settings, JSON);
        names = new IndexNames(settings.indexPrefix());
        search = new OpenSearchEntitySearch(connection, names);
    }

    @AfterAll
    static void close() {
        TestIndices.call(connection.client(), "DELETE", "/" + names.entities("*"), null, null);
        connection.close();
    }

    private static TestIndices.Doc doc(String id, String json) throws Exception {
        return new TestIndices.Doc(id, (ObjectNode) JSON.readTree(json));
    }

    private static SearchResult find(String space, String kql, List<Object> after, boolean count) {
        Query query = kql.isEmpty() ? new Query.MatchAll() : KqlParser.parse(kql);
        return search.search(new SearchRequest(space, query, SearchSort.newestFirst(), after, 0, 10, count));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void a_space_without_an_index_has_no_entities_and_counts_zero() {
        assertThat(find("never-written", "host.name: a", null, true)).isEqualTo(new SearchResult(List.of(), 0));
        assertThat(find("never-written", "", null, false).total()).isEqualTo(-1);
    }

    @Test
    void search_after_that_cannot_fit_the_sort_is_refused_with_or_without_an_index() throws Exception {
        TestIndices.create(connection.client(), names.entities("cursors"));
        TestIndices.fill(connection.client(), names.entities("cursors"),
                List.of(doc("a", "{\"@timestamp\":\"2024-06-01T00:00:00.000Z\"}")));
        for (String space : List.of("cursors", "no-index")) {
            assertThatThrownBy(() -> find(space, "", List.of(1L), false))
                    .isInstanceOf(InvalidSearchAfterException.class)
                    .hasMessage("Bad request: Invalid searchAfter: search_after has 1 value(s) but sort has 2.");
            assertThatThrownBy(() -> find(space, "", List.of("yesterday", 3L), false))
                    .isInstanceOf(InvalidSearchAfterException.class)
                    .hasMessage("Bad request: Invalid searchAfter: [yesterday] does not fit the sort");
        }
        // An ISO instant or the millis as text are read as the instant, as the embedded index reads them.
        assertThat(find("cursors", "", List.of("2024-06-02T00:00:00.000Z", 0L), false).hits()).hasSize(1);
        assertThat(find("cursors", "", List.of(String.valueOf(1717200000000L), 0L), false).hits()).isEmpty();
    }

    @Test
    void the_cursor_is_the_timestamp_in_millis_then_the_seq_no() throws Exception {
        TestIndices.create(connection.client(), names.entities("shape"));
        TestIndices.fill(connection.client(), names.entities("shape"), List.of(
                doc("a", "{\"@timestamp\":\"2024-06-01T00:00:00.000Z\"}"), doc("b", "{\"k\":1}")));
        SearchResult result = find("shape", "", null, true);
        assertThat(result.hits()).extracting(SearchHit::id).containsExactly("a", "b");
        assertThat(result.hits().get(0).sortValues()).containsExactly(1717200000000L, 0L);
        assertThat(result.hits().get(1).sortValues()).containsExactly(Long.MIN_VALUE, 1L); // no timestamp: last
        assertThat(result.hits().get(0).source().toString()).isEqualTo("{\"@timestamp\":\"2024-06-01T00:00:00.000Z\"}");
        assertThat(result.total()).isEqualTo(2);
    }

    @Test
    void a_field_first_written_after_a_search_is_found_by_name_and_by_pattern() throws Exception {
        String index = names.entities("growing");
        TestIndices.create(connection.client(), index);
        TestIndices.fill(connection.client(), index, List.of(doc("a", "{\"host\":{\"name\":\"h\"}}")));
        assertThat(ids(find("growing", "host.name: h", null, false))).containsExactly("a");
        assertThat(ids(find("growing", "host.*: x", null, false))).isEmpty();

        TestIndices.fill(connection.client(), index, List.of(doc("b", "{\"host\":{\"os\":\"x\"},\"risk\":{\"score\":5}}")));
        assertThat(ids(find("growing", "host.os: x", null, false))).containsExactly("b");
        assertThat(ids(find("growing", "host.*: x", null, false))).containsExactly("b");
        assertThat(ids(find("growing", "risk.score >= 5", null, false))).containsExactly("b");
    }

    @Test
    void an_index_deleted_and_created_again_with_other_types_is_searched_by_its_new_mapping() throws Exception {
        String index = names.entities("recreated");
        TestIndices.create(connection.client(), index);
        TestIndices.fill(connection.client(), index, List.of(doc("a", "{\"v\":\"abc\"}")));
        assertThat(ids(find("recreated", "v: abc", null, false))).containsExactly("a");

        // No search in between: the kept mapping still says keyword, and OpenSearch refuses "abc" on a long.
        TestIndices.delete(connection.client(), index);
        TestIndices.create(connection.client(), index);
        TestIndices.fill(connection.client(), index, List.of(doc("b", "{\"v\":7}")));
        assertThat(ids(find("recreated", "v: abc", null, false))).isEmpty();
        assertThat(ids(find("recreated", "v >= 7", null, false))).containsExactly("b");

        TestIndices.delete(connection.client(), index);
        assertThat(find("recreated", "v >= 7", null, true)).isEqualTo(new SearchResult(List.of(), 0));
    }

    @Test
    void an_unreachable_cluster_is_a_store_unavailable_failure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        try (OpenSearchConnection down = OpenSearchConnection.open(OpenSearchSettings.of("http://127.0.0.1:" + port), JSON)) {
            OpenSearchEntitySearch unreachable = new OpenSearchEntitySearch(down, names);
            assertThatThrownBy(() -> unreachable.search(new SearchRequest("default", new Query.MatchAll(),
                    SearchSort.newestFirst(), null, 0, 10, false)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("OpenSearch is unavailable (connection refused): the search was not made");
        }
    }
}
