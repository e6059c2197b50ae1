package dev.entitystore.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.census.EntityCensus;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.history.SignalledHistory;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.store.embedded.search.EmbeddedSearchIndex;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoreOpenException;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.store.embedded.sqlite.SqliteIdempotencyStore;
import dev.entitystore.store.opensearch.OpenSearchIdempotencyStore;
import dev.entitystore.store.embedded.sqlite.SqliteExceptionListStore;
import dev.entitystore.store.opensearch.OpenSearchExceptionListStore;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import dev.entitystore.store.embedded.sqlite.SqliteProfileStore;
import dev.entitystore.store.opensearch.IndexNames;
import dev.entitystore.store.opensearch.OpenSearchAddresses;
import dev.entitystore.store.opensearch.OpenSearchConnection;
import dev.entitystore.store.opensearch.OpenSearchEntityStore;
import dev.entitystore.store.opensearch.OpenSearchProfileStore;
import dev.entitystore.store.opensearch.OpenSearchSettings;
import dev.entitystore.store.opensearch.search.OpenSearchEntitySearch;
import dev.entitystore.domain.health.HealthGuardedStore;
import dev.entitystore.domain.health.ServiceHealth;
import dev.entitystore.server.health.EmbeddedIndexHealth;
import dev.entitystore.server.observe.EmbeddedStoreMetrics;
import dev.entitystore.store.opensearch.OpenSearchHealth;
import java.io.UncheckedIOException;
import io.micrometer.core.instrument.MeterRegistry;
import dev.entitystore.domain.backup.StoreBackup;
import dev.entitystore.store.embedded.sqlite.SqliteBackup;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The storage the application runs on: the record of truth and the search over it. Embedded: SQLite and
 * a Lucene index under the same data directory, the index following the store's commits. OpenSearch: the
 * records and their search in the cluster's indices, over one connection. User profiles and exception
 * lists beside them: each a SQLite file of its own in the data directory, or an index of its own in the
 * cluster. The {@code Idempotency-Key}s: a table of the embedded store's database (a keyed write's answer is
 * written with it), or an index of their own in the cluster. The change history is read from the store that records it (the embedded store's own table,
 * the cluster's changes index).
 */
record Backend(EntityStore store, EntityHistory history, EntitySearch search, ProfileStore profiles,
               ExceptionListStore exceptionLists, IdempotencyStore idempotency, ServiceHealth health, EntityCensus census,
               Consumer<MeterRegistry> gauges, Optional<StoreBackup> backup, AutoCloseable closeSearch)
        implements AutoCloseable {

    static Backend embedded(ServerConfig config) {
        SqliteEntityStore store;
        try {
            store = SqliteEntityStore.open(config.dataDir(), config.limits().maxPendingWrites());
        } catch (StoreOpenException e) {
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
        SqliteProfileStore profiles;
        SqliteExceptionListStore exceptionLists;
        try {
            profiles = SqliteProfileStore.open(config.dataDir());
        } catch (StoreOpenException e) {
            store.close();
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
        try {
            exceptionLists = SqliteExceptionListStore.open(config.dataDir());
        } catch (StoreOpenException e) {
            profiles.close();
            store.close();
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
        SqliteIdempotencyStore idempotency;
        try {
            idempotency = SqliteIdempotencyStore.over(store);
        } catch (dev.entitystore.domain.error.StoreUnavailableException e) { // a StoreOpenException too
            exceptionLists.close();
            profiles.close();
            store.close();
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
        try {
            EmbeddedSearchIndex search = EmbeddedSearchIndex.open(config.dataDir(), store, store::attach);
            ServiceHealth health = new ServiceHealth(List.of(store.health(),
                    new EmbeddedIndexHealth(store::lastSeqNo, search::appliedSeq, store::followerFailure)));
            Consumer<MeterRegistry> gauges = new EmbeddedStoreMetrics(store, search::appliedSeq);
            // The feed's waiting followers look at the writer's committed seq, not at the log on a timer.
            EntityHistory history = new SignalledHistory(store, store::lastSeqNo);
            return new Backend(new HealthGuardedStore(store, health), history, search, profiles, exceptionLists, idempotency,
                    health,
                    new EntityCensus(search, store), gauges,
                    Optional.of(new SqliteBackup(config.dataDir())), () -> {
                        try {
                            search.close();
                        } finally {
                            profiles.close();
                            exceptionLists.close();
                            idempotency.close();
                        }
                    });
        } catch (UncheckedIOException | IllegalStateException e) {
            idempotency.close();
            exceptionLists.close();
            profiles.close();
            store.close();
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_DATA_DIR / --data-dir)", e);
        }
    }

    /**
     * Connects to the cluster and checks that it answers; a cluster that does not is refused like any other
     * bad setting (one line, exit 2), rather than found out by the first request.
     */
    static Backend opensearch(ServerConfig config) {
        ServerConfig.OpenSearch options = config.openSearch();
        OpenSearchSettings settings = new OpenSearchSettings(OpenSearchAddresses.parse(options.url()), options.username(),
                options.password(), options.trustStore(), options.trustStorePassword(), options.indexPrefix(),
                java.time.Duration.ofSeconds(options.connectTimeoutSeconds()),
                java.time.Duration.ofSeconds(options.socketTimeoutSeconds()));
        IndexNames names = new IndexNames(options.indexPrefix());
        OpenSearchConnection connection;
        try {
            connection = OpenSearchConnection.open(settings, new ObjectMapper());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)", e);
        }
        try {
            OpenSearchEntityStore store = OpenSearchEntityStore.open(connection, names);
            ServiceHealth health = new ServiceHealth(List.of(new OpenSearchHealth(connection)));
            OpenSearchEntitySearch search = new OpenSearchEntitySearch(connection, names);
            return new Backend(store, store, search,
                    new OpenSearchProfileStore(connection, names), new OpenSearchExceptionListStore(connection, names),
                    new OpenSearchIdempotencyStore(connection, names), health,
                    new EntityCensus(search, store), registry -> { }, Optional.empty(),
                    connection);
        } catch (StoreOpenException e) {
            connection.close();
            throw new ConfigException(e.getMessage() + " (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)", e);
        }
    }

    /** The store first (it finishes its writes and hands them to the index), then the index and the profiles. */
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
