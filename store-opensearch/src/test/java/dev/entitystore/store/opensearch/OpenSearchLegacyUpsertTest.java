package dev.entitystore.store.opensearch;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.legacy.LegacyEngineLifecycle;
import dev.entitystore.domain.engine.legacy.LegacyEngineType;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EngineNotRunningException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.write.LegacyEntityWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A v1 upsert on OpenSearch reads its engine's state and {@code fieldHistoryLength} with its record (one
 * {@code _mget}, no settings kept): changes made through another server hold for its next write, and a write
 * read again after losing to another writer reads the engine again.
 */
class OpenSearchLegacyUpsertTest {
    private static final String SPACE = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreOnTestNode node = new StoreOnTestNode();
    private OpenSearchConnection otherConnection;
    private OpenSearchEntityStore otherStore;
    private EntityStore store;
    private EngineManager engines;
    private LegacyEntityWrites writes;
    /** Another server's view of the same indices. */
    private EngineManager otherEngines;

    @BeforeEach
    void open() {
        store = node.open();
        engines = new EngineManager(store, Clock.systemUTC());
        writes = new LegacyEntityWrites(store, engines, Clock.systemUTC());
        otherConnection = OpenSearchConnection.open(node.settings(), JSON);
        otherStore = OpenSearchEntityStore.open(otherConnection, node.names());
        otherEngines = new EngineManager(otherStore, Clock.systemUTC());
    }

    @AfterEach
    void discard() {
        store.close();
        otherStore.close();
        otherConnection.close();
        node.discard();
    }

    @Test
    void an_engine_stopped_and_started_through_another_server_holds_for_the_next_upsert() {
        new LegacyEngineLifecycle(engines).init(SPACE, LegacyEngineType.HOST, obj("fieldHistoryLength", 2));
        writes.upsert(SPACE, EntityType.HOST, upsert("host:a", "w1"), false);

        new LegacyEngineLifecycle(otherEngines).stop(SPACE, LegacyEngineType.HOST);
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.HOST, upsert("host:a", "w2"), false))
                .isExactlyInstanceOf(EngineNotRunningException.class)
                .hasMessage("Entity Engine 'host' is not running");

        new LegacyEngineLifecycle(otherEngines).start(SPACE, LegacyEngineType.HOST);
        writes.upsert(SPACE, EntityType.HOST, upsert("host:a", "w2"), false);
        writes.upsert(SPACE, EntityType.HOST, upsert("host:a", "w3"), false);
        assertThat(watchlists("host:a")).as("cut to the engine's fieldHistoryLength of 2").containsExactly("w1", "w2");
    }

    @Test
    void the_space_s_history_length_set_through_another_server_is_read_with_the_record() {
        engines.install(SPACE, List.of(EntityType.HOST), null, null);
        writes.upsert(SPACE, EntityType.HOST, upsert("host:b", "w1"), false);

        otherEngines.updateConfig(SPACE, obj("fieldHistoryLength", 1));
        writes.upsert(SPACE, EntityType.HOST, upsert("host:b", "w2"), false);

        assertThat(watchlists("host:b")).containsExactly("w1");
    }

    /**
     * The write loses its first attempt to another writer, and the engine is stopped meanwhile: the record and
     * the engine are read again together, and the write is refused with v1's answer, nothing of it written.
     */
    @Test
    void an_upsert_read_again_after_a_concurrent_write_checks_the_engine_again() {
        new LegacyEngineLifecycle(engines).init(SPACE, LegacyEngineType.HOST, obj("fieldHistoryLength", 5));
        writes.upsert(SPACE, EntityType.HOST, upsert("host:c", "w1"), false);
        String id = EntityIds.documentId("host:c");
        List<OptionalInt> limits = new ArrayList<>();

        assertThatThrownBy(() -> engines.mergeIfStarted(SPACE, EntityType.HOST, id, limit -> {
            limits.add(limit);
            return current -> {
                // another writer (another thread: a merge refuses writes from its own) writes the record and
                // another server stops the engine, between this write's read and its write
                CompletableFuture.runAsync(() -> {
                    store.merge(SPACE, id, c -> MergeDecision.write(c.orElseThrow().source().deepCopy().put("other", true)));
                    new LegacyEngineLifecycle(otherEngines).stop(SPACE, LegacyEngineType.HOST);
                }).join();
                return MergeDecision.write(current.orElseThrow().source().deepCopy().put("mine", true));
            };
        })).isExactlyInstanceOf(EngineNotRunningException.class);

        assertThat(limits).containsExactly(OptionalInt.of(5));
        ObjectNode stored = store.get(SPACE, id).orElseThrow().source();
        assertThat(stored.has("other")).isTrue();
        assertThat(stored.has("mine")).isFalse();
    }

    private static ObjectNode upsert(String id, String watchlist) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("entity").put("id", id).putObject("attributes").putArray("watchlists").add(watchlist);
        return body;
    }

    private List<String> watchlists(String id) {
        List<String> values = new ArrayList<>();
        store.get(SPACE, EntityIds.documentId(id)).orElseThrow().source()
                .path("entity").path("attributes").path("watchlists").forEach(v -> values.add(v.asText()));
        return values;
    }
}
