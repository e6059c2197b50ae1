package dev.entitystore.domain.write;

import static dev.entitystore.domain.testing.Json.node;
import static dev.entitystore.domain.testing.Json.obj;
import static dev.entitystore.domain.write.CreatePlannerTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.legacy.LegacyEngineLifecycle;
import dev.entitystore.domain.engine.legacy.LegacyEngineType;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EngineNotRunningException;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1 upsert, bulk and delete on the embedded store (product rules §3.6, §3.7). */
class LegacyEntityWritesTest {
    private static final String SPACE = "default";

    @TempDir
    Path dataDir;
    private SqliteEntityStore store;
    private EngineManager engines;
    private LegacyEngineLifecycle lifecycle;
    private LegacyEntityWrites writes;

    @BeforeEach
    void open() {
        store = SqliteEntityStore.open(dataDir);
        engines = new EngineManager(store, CLOCK);
        lifecycle = new LegacyEngineLifecycle(engines);
        writes = new LegacyEntityWrites(store, engines, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ObjectNode stored(String id) {
        return store.get(SPACE, EntityIds.documentId(id)).orElseThrow().source();
    }

    @Test
    void upsertCreatesThenMergesCollectFieldsUpToTheEnginesHistoryLength() {
        lifecycle.init(SPACE, LegacyEngineType.HOST, obj("{'fieldHistoryLength':3}"));
        ObjectNode created = writes.upsert(SPACE, EntityType.HOST,
                obj("{'entity':{'id':'host:web','attributes':{'watchlists':['a','b'],'managed':true}}}"), false).source();
        assertThat(created.path("entity").path("name").asText()).isEqualTo("host:web");
        assertThat(created.path("entity").path("EngineMetadata").path("Type").asText()).isEqualTo("host");

        ObjectNode merged = writes.upsert(SPACE, EntityType.HOST,
                obj("{'entity':{'id':'host:web','attributes':{'watchlists':['b','c','d'],'managed':false}}}"), false).source();
        assertThat(merged.path("entity").path("attributes").path("watchlists")).isEqualTo(node("['a','b','c']"));
        assertThat(merged.path("entity").path("attributes").path("managed").asBoolean()).isFalse();
        assertThat(stored("host:web")).isEqualTo(merged);
    }

    @Test
    void upsertNeedsTheTypesEngineStarted() {
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.USER, obj("{'entity':{'id':'u','attributes':"
                + "{'managed':true}}}"), false))
                .isExactlyInstanceOf(EngineNotRunningException.class)
                .hasMessage("Entity Engine 'user' is not running");
        lifecycle.init(SPACE, LegacyEngineType.USER, obj("{}"));
        lifecycle.stop(SPACE, LegacyEngineType.USER);
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.USER, obj("{'entity':{'id':'u','attributes':"
                + "{'managed':true}}}"), false)).isExactlyInstanceOf(EngineNotRunningException.class);
    }

    @Test
    void aBodyRefusedByItsFieldsIsAnsweredEngineNotRunningFirstWhenTheEngineIsStopped() {
        lifecycle.init(SPACE, LegacyEngineType.GENERIC, obj("{}"));
        lifecycle.stop(SPACE, LegacyEngineType.GENERIC);
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.GENERIC,
                obj("{'entity':{'id':'db-1','name':'needs-force'}}"), false))
                .isExactlyInstanceOf(EngineNotRunningException.class)
                .hasMessage("Entity Engine 'generic' is not running");
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.GENERIC, obj("{'entity':{'id':'db-1'}}"), false))
                .isExactlyInstanceOf(EngineNotRunningException.class);
        lifecycle.start(SPACE, LegacyEngineType.GENERIC);
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.GENERIC,
                obj("{'entity':{'id':'db-1','name':'needs-force'}}"), false))
                .isInstanceOf(FieldsNotAllowedException.class);
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.GENERIC, obj("{'entity':{'id':'db-1'}}"), false))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("The request doesn't contain any update");
    }

    @Test
    void aMissingEntityIdIsAnsweredBeforeTheEngineCheck() {
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.HOST, obj("{'host':{'name':'h'}}"), false))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("[request body]: entity.id: Required");
    }

    @Test
    void upsertUsesTheSpacesHistoryLengthWhenTheEngineHasNone() {
        engines.install(SPACE, List.of(EntityType.HOST), obj("{'fieldHistoryLength':2}"), null);
        writes.upsert(SPACE, EntityType.HOST,
                obj("{'entity':{'id':'host:h','attributes':{'watchlists':['a']}}}"), false);
        ObjectNode merged = writes.upsert(SPACE, EntityType.HOST,
                obj("{'entity':{'id':'host:h','attributes':{'watchlists':['b','c']}}}"), false).source();
        assertThat(merged.path("entity").path("attributes").path("watchlists")).isEqualTo(node("['a','b']"));
    }

    @Test
    void schemaFailuresComeBeforeTheEngineCheck() {
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.USER, obj("{'entity':{'id':'u','bogus':1}}"), false))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("[request body]: entity: Unrecognized key: \"bogus\"");
    }

    @Test
    void restrictedFieldsWithoutForceWriteNothing() {
        lifecycle.init(SPACE, LegacyEngineType.GENERIC, obj("{}"));
        assertThatThrownBy(() -> writes.upsert(SPACE, EntityType.GENERIC,
                obj("{'entity':{'id':'db-1','name':'needs-force'}}"), false))
                .isInstanceOf(FieldsNotAllowedException.class);
        assertThat(store.get(SPACE, EntityIds.documentId("db-1"))).isEmpty();
        writes.upsert(SPACE, EntityType.GENERIC, obj("{'entity':{'id':'db-1','name':'forced'}}"), true);
        assertThat(stored("db-1").path("entity").path("name").asText()).isEqualTo("forced");
    }

    @Test
    void bulkIsValidatedWholeThenAppliedInOrder() {
        lifecycle.init(SPACE, LegacyEngineType.GENERIC, obj("{}"));
        List<BulkItem> invalidSecond = List.of(
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'g1','attributes':{'watchlists':['a']}}}")),
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'g2','name':'restricted'}}")));
        assertThatThrownBy(() -> writes.bulkUpsert(SPACE, invalidSecond, false))
                .isInstanceOfSatisfying(FieldsNotAllowedException.class,
                        e -> assertThat(e.itemIndex()).hasValue(1));
        assertThat(store.get(SPACE, EntityIds.documentId("g1"))).isEmpty();

        List<BulkItem> sameEntityTwice = List.of(
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'g1','attributes':{'watchlists':['a']}}}")),
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'g1','attributes':{'watchlists':['b']}}}")));
        assertThat(writes.bulkUpsert(SPACE, sameEntityTwice, false)).isEmpty();
        assertThat(stored("g1").path("entity").path("attributes").path("watchlists")).isEqualTo(node("['a','b']"));
    }

    @Test
    void bulkNeedsEveryTypesEngine() {
        lifecycle.init(SPACE, LegacyEngineType.GENERIC, obj("{}"));
        assertThatThrownBy(() -> writes.bulkUpsert(SPACE, List.of(
                new BulkItem(EntityType.GENERIC, obj("{'entity':{'id':'g1','attributes':{'managed':true}}}")),
                new BulkItem(EntityType.HOST, obj("{'entity':{'id':'h1','attributes':{'managed':true}}}"))), false))
                .isExactlyInstanceOf(EngineNotRunningException.class)
                .hasMessage("Entity Engine 'host' is not running");
        assertThat(store.get(SPACE, EntityIds.documentId("g1"))).isEmpty();
    }

    @Test
    void deleteHasV1sTexts() {
        assertThatThrownBy(() -> writes.delete(SPACE, EntityType.HOST, "h"))
                .isExactlyInstanceOf(EngineNotRunningException.class);
        lifecycle.init(SPACE, LegacyEngineType.HOST, obj("{}"));
        assertThatThrownBy(() -> writes.delete(SPACE, EntityType.HOST, ""))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("The entity ID cannot be blank");
        assertThatThrownBy(() -> writes.delete(SPACE, EntityType.HOST, "host:none"))
                .isExactlyInstanceOf(EntityNotFoundException.class)
                .hasMessage("Entity of type 'host' with ID 'host:none' not found");
        writes.upsert(SPACE, EntityType.HOST, obj("{'entity':{'id':'host:x','attributes':{'managed':true}}}"), false);
        writes.delete(SPACE, EntityType.HOST, "host:x");
        assertThat(store.get(SPACE, EntityIds.documentId("host:x"))).isEmpty();
    }
}
