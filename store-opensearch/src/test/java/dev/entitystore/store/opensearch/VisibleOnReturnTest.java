package dev.entitystore.store.opensearch;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.store.opensearch.search.OpenSearchEntitySearch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes do not wait for a refresh; a search, scan or count through another server must still find every
 * write answered before it. The index's periodic refresh is switched off here, so nothing but the
 * reader's own refresh can make a write searchable: a pass here does not depend on timing.
 */
class VisibleOnReturnTest {
    private static final String SPACE = "default";
    private final StoreOnTestNode node = new StoreOnTestNode();
    private EntityStore writer;
    private OpenSearchConnection otherConnection;
    private EntityStore otherStore;
    private OpenSearchEntitySearch otherSearch;

    @BeforeEach
    void twoServersAndNoPeriodicRefresh() throws Exception {
        writer = node.open();
        writer.create(SPACE, "first", obj("n", 0));
        node.connection().client().indices().putSettings(p -> p.index(node.names().entities(SPACE))
                .settings(s -> s.refreshInterval(t -> t.time("-1"))));
        otherConnection = OpenSearchConnection.open(OpenSearchSettings.of(OpenSearchForTests.url()), new ObjectMapper());
        otherStore = OpenSearchEntityStore.open(otherConnection, node.names());
        otherSearch = new OpenSearchEntitySearch(otherConnection, node.names());
    }

    @AfterEach
    void discard() {
        otherStore.close();
        otherConnection.close();
        writer.close();
        node.discard();
    }

    @Test
    void creates_updates_bulks_and_deletes_are_found_by_the_other_servers_next_search() {
        for (int i = 0; i < 10; i++) {
            writer.create(SPACE, "c" + i, obj("n", i));
            assertThat(found("n: " + i)).contains("c" + i);

            writer.merge(SPACE, "c" + i, setField("mark", "m" + i));
            assertThat(found("mark: m" + i)).containsExactly("c" + i);

            writer.bulk(SPACE, List.of(BulkOperation.merge("b" + i, setField("mark", "b" + i))));
            assertThat(found("mark: b" + i)).containsExactly("b" + i);

            writer.delete(SPACE, "b" + i);
            assertThat(found("mark: b" + i)).isEmpty();
        }
    }

    @Test
    void a_scan_and_a_delete_all_count_every_answered_write() {
        for (int i = 0; i < 5; i++) {
            writer.create(SPACE, "s" + i, obj("n", i));
        }
        assertThat(otherStore.scan(SPACE, null, 100).entities()).hasSize(6);
        assertThat(otherStore.deleteAll(SPACE)).isEqualTo(6);
    }

    private List<String> found(String kql) {
        return otherSearch.search(new SearchRequest(SPACE, KqlParser.parse(kql), SearchSort.newestFirst(), null, 0, 10, true))
                .hits().stream().map(SearchHit::id).toList();
    }
}
