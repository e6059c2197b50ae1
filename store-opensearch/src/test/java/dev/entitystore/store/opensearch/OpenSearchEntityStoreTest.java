package dev.entitystore.store.opensearch;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoreOpenException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What only the OpenSearch adapter does: its indices, its start-up check, its partly applied bulk. */
class OpenSearchEntityStoreTest {
    private final StoreOnTestNode node = new StoreOnTestNode();
    private EntityStore store;

    @AfterEach
    void discard() {
        if (store != null) {
            store.close();
        }
        node.discard();
    }

    @Test
    void a_space_gets_its_entity_index_on_install_and_loses_it_with_delete_all() throws IOException {
        store = node.open();
        String index = node.names().entities("team-a");

        store.putSetting("team-a", "installed", obj("v", 1));
        assertThat(indexExists(index)).isTrue();

        store.create("team-a", "x", obj());
        assertThat(store.deleteAll("team-a")).isEqualTo(1);
        assertThat(indexExists(index)).isFalse();
    }

    @Test
    void a_record_keeps_the_id_it_was_given_as_its_document_id() throws IOException {
        store = node.open();
        String id = "b04041a0510a43da80ca0f983b85c82c630322f41178cbc7bf6322444c9e6625";

        store.create("default", id, obj("entity", obj("id", "host:web-server-prod-01")));

        var doc = node.connection().client().get(g -> g.index(node.names().entities("default")).id(id), Object.class);
        assertThat(doc.found()).isTrue();
    }

    @Test
    void a_bulk_with_a_record_the_mapping_refuses_writes_the_others_and_names_the_refused_one() {
        store = node.open();
        store.create("default", "typed", obj("n", 1)); // n is now a long

        assertThatThrownBy(() -> store.bulk("default", List.of(
                BulkOperation.merge("fine", setField("x", 1)),
                BulkOperation.merge("typed", setField("n", obj("not", "a number"))))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("mapper_parsing_exception")
                .hasMessageContaining("1 records of the bulk were written, 1 were not applied: typed");

        assertThat(store.get("default", "fine").orElseThrow().source()).isEqualTo(obj("x", 1));
        assertThat(store.get("default", "typed").orElseThrow().source()).isEqualTo(obj("n", 1));
    }

    @Test
    void a_cluster_that_does_not_answer_is_refused_at_open_with_one_line() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenSearchSettings nowhere = OpenSearchSettings.of("http://127.0.0.1:" + closedPort);

        try (OpenSearchConnection connection = OpenSearchConnection.open(nowhere, new ObjectMapper())) {
            assertThatThrownBy(() -> OpenSearchEntityStore.open(connection, new IndexNames("x-")))
                    .isInstanceOf(StoreOpenException.class)
                    .hasMessage("OpenSearch at http://127.0.0.1:" + closedPort + " does not answer: connection refused");
        }
    }

    private boolean indexExists(String index) throws IOException {
        return node.connection().client().indices().exists(e -> e.index(index)).value();
    }
}
