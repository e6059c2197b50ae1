package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.store.embedded.search.EmbeddedSearchIndex;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import dev.entitystore.store.opensearch.IndexNames;
import dev.entitystore.store.opensearch.OpenSearchConnection;
import dev.entitystore.store.opensearch.OpenSearchForTests;
import dev.entitystore.store.opensearch.OpenSearchSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The same entities behind both search adapters: the embedded Lucene index following a SQLite store in
 * a temporary directory, and an OpenSearch index per space on the test node (fresh index prefix). The
 * entities are written in the same order to both, so the tie-breakers (store seqNo, {@code _seq_no})
 * order equal sort values the same way.
 */
final class SearchBackends implements AutoCloseable {
    final SqliteEntityStore store;
    final EmbeddedSearchIndex embedded;
    final OpenSearchConnection connection;
    final IndexNames names;
    final OpenSearchEntitySearch opensearch;

    private SearchBackends(SqliteEntityStore store, EmbeddedSearchIndex embedded, OpenSearchConnection connection,
                           IndexNames names, OpenSearchEntitySearch opensearch) {
        this.store = store;
        this.embedded = embedded;
        this.connection = connection;
        this.names = names;
        this.opensearch = opensearch;
    }

    /**
     * @param window the OpenSearch adapter's result window: small, so paging past it is tested with few entities
     */
    static SearchBackends open(Path dataDir, Clock clock, int window) {
        SqliteEntityStore store = SqliteEntityStore.open(dataDir);
        EmbeddedSearchIndex embedded = EmbeddedSearchIndex.open(dataDir, store, store::attach);
        OpenSearchSettings settings = OpenSearchForTests.freshSettings();
        OpenSearchConnection connection = OpenSearchConnection.open(settings, new ObjectMapper());
        IndexNames names = new IndexNames(settings.indexPrefix());
        return new SearchBackends(store, embedded, connection, names,
                new OpenSearchEntitySearch(connection, names, clock, window));
    }

    /** Writes each space's entities, in order, to both backends; visible to both searches on return. */
    void fill(Map<String, List<TestIndices.Doc>> spaces) {
        spaces.forEach((space, docs) -> {
            for (TestIndices.Doc doc : docs) {
                store.create(space, doc.id(), doc.source().deepCopy());
            }
            TestIndices.create(connection.client(), names.entities(space));
            TestIndices.fill(connection.client(), names.entities(space), docs);
        });
    }

    @Override
    public void close() {
        try {
            TestIndices.call(connection.client(), "DELETE", "/" + names.entities("*"), null, null);
        } finally {
            connection.close();
            store.close();
            embedded.close();
        }
    }
}
