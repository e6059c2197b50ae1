package dev.entitystore.server;

import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.lucene.EmbeddedSearchIndex;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoreOpenException;
import dev.entitystore.domain.store.sqlite.SqliteEntityStore;
import java.io.UncheckedIOException;

/**
 * The storage the application runs on: the record of truth and the search over it. Embedded: SQLite and
 * a Lucene index under the same data directory, the index following the store's commits.
 */
record Backend(EntityStore store, EntitySearch search, AutoCloseable closeSearch) implements AutoCloseable {

    static Backend embedded(ServerConfig config) {
        SqliteEntityStore store;
        try {
            store = SqliteEntityStore.open(config.dataDir());
        } catch (StoreOpenException e) {
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
        try {
            EmbeddedSearchIndex search = EmbeddedSearchIndex.open(config.dataDir(), store, store::attach);
            return new Backend(store, search, search);
        } catch (UncheckedIOException | IllegalStateException e) {
            store.close();
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
    }

    /** The store first (it finishes its writes and hands them to the index), then the index. */
    @Override
    public void close() {
        store.close();
        try {
            closeSearch.close();
        } catch (Exception e) {
            throw new IllegalStateException("search index did not close: " + e.getMessage(), e);
        }
    }
}
