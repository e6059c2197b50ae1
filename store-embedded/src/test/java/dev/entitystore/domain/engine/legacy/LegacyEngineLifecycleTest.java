package dev.entitystore.domain.engine.legacy;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.StoreStatus;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1 engines over the engine state v2 shares (product rules §3.4, §3.14). */
class LegacyEngineLifecycleTest {
    private static final String SPACE = "default";

    @TempDir
    Path dataDir;
    private SqliteEntityStore store;
    private EngineManager engines;
    private LegacyEngineLifecycle lifecycle;

    @BeforeEach
    void open() {
        store = SqliteEntityStore.open(dataDir);
        engines = new EngineManager(store, Clock.systemUTC());
        lifecycle = new LegacyEngineLifecycle(engines);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void initStartsTheEngineAndAnswersItsDescriptorWithDefaults() {
        ObjectNode descriptor = lifecycle.init(SPACE, LegacyEngineType.HOST, obj("{'fieldHistoryLength':3}"));
        assertThat(descriptor.path("type").asText()).isEqualTo("host");
        assertThat(descriptor.path("status").asText()).isEqualTo("started");
        assertThat(descriptor.path("fieldHistoryLength").asInt()).isEqualTo(3);
        assertThat(descriptor.path("lookbackPeriod").asText()).isEqualTo("24h");
        assertThat(descriptor.path("indexPattern").asText()).isEmpty();
        assertThat(engines.isStarted(SPACE, EntityType.HOST)).isTrue();
        assertThat(engines.fieldHistoryLength(SPACE, EntityType.HOST)).isEqualTo(OptionalInt.of(3));
        assertThat(lifecycle.status(SPACE).status()).isEqualTo(StoreStatus.RUNNING);
    }

    @Test
    void universalCannotBeInitialisedAndIsNeverFound() {
        assertThatThrownBy(() -> lifecycle.init(SPACE, LegacyEngineType.UNIVERSAL, obj("{}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("The universal entity engine is no longer supported; use the generic engine");
        assertThatThrownBy(() -> lifecycle.get(SPACE, LegacyEngineType.UNIVERSAL))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessage("Saved object [entity-engine-status/entity-engine-descriptor-universal-default] not found");
        assertThat(lifecycle.enable(SPACE, List.of(LegacyEngineType.UNIVERSAL, LegacyEngineType.USER), obj("{}")))
                .extracting(d -> d.path("type").asText()).containsExactly("user");
        lifecycle.delete(SPACE, LegacyEngineType.UNIVERSAL, true);
        assertThat(lifecycle.list(SPACE)).hasSize(1);
    }

    @Test
    void enableWithoutTypesInitialisesAllFour() {
        assertThat(lifecycle.enable(SPACE, null, obj("{}"))).extracting(d -> d.path("type").asText())
                .containsExactly("user", "host", "service", "generic");
        assertThat(lifecycle.enable("other", List.of(), obj("{}"))).isEmpty();
    }

    @Test
    void anEngineInstalledByV2IsListedWithItsSettings() {
        engines.install(SPACE, List.of(EntityType.SERVICE), obj("{'frequency':'5m'}"), null);
        List<ObjectNode> listed = lifecycle.list(SPACE);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("type").asText()).isEqualTo("service");
        assertThat(listed.get(0).path("frequency").asText()).isEqualTo("5m");
        assertThat(listed.get(0).path("timestampField").asText()).isEqualTo("@timestamp");
        assertThat(engines.fieldHistoryLength(SPACE, EntityType.SERVICE)).isEmpty();
    }

    @Test
    void startAndStopNeedAnInstalledEngineAndAreIdempotent() {
        assertThatThrownBy(() -> lifecycle.start(SPACE, LegacyEngineType.USER))
                .hasMessage("Saved object [entity-engine-status/entity-engine-descriptor-user-default] not found");
        lifecycle.init(SPACE, LegacyEngineType.USER, obj("{}"));
        lifecycle.stop(SPACE, LegacyEngineType.USER);
        lifecycle.stop(SPACE, LegacyEngineType.USER);
        assertThat(lifecycle.get(SPACE, LegacyEngineType.USER).path("status").asText()).isEqualTo("stopped");
        assertThat(lifecycle.status(SPACE).status()).isEqualTo(StoreStatus.STOPPED);
        lifecycle.start(SPACE, LegacyEngineType.USER);
        lifecycle.start(SPACE, LegacyEngineType.USER);
        assertThat(engines.isStarted(SPACE, EntityType.USER)).isTrue();
    }

    @Test
    void deleteKeepsTheEntitiesUnlessAskedThenDeletesThoseOfItsType() {
        lifecycle.enable(SPACE, List.of(LegacyEngineType.HOST, LegacyEngineType.USER), obj("{}"));
        store.create(SPACE, "h1", obj("{'entity':{'id':'h1','EngineMetadata':{'Type':'host'}}}"));
        store.create(SPACE, "u1", obj("{'entity':{'id':'u1','EngineMetadata':{'Type':'user'}}}"));

        lifecycle.delete(SPACE, LegacyEngineType.HOST, false);
        assertThat(store.get(SPACE, "h1")).isPresent();
        lifecycle.init(SPACE, LegacyEngineType.HOST, obj("{}"));
        lifecycle.delete(SPACE, LegacyEngineType.HOST, true);
        assertThat(store.get(SPACE, "h1")).isEmpty();
        assertThat(store.get(SPACE, "u1")).isPresent();
        assertThat(engines.isInstalled(SPACE)).isTrue();
    }

    @Test
    void deletingTheLastEngineWithoutDataUninstallsButKeepsTheEntities() {
        lifecycle.init(SPACE, LegacyEngineType.GENERIC, obj("{}"));
        store.create(SPACE, "g1", obj("{'entity':{'id':'g1'}}"));
        lifecycle.delete(SPACE, LegacyEngineType.GENERIC, false);
        assertThat(engines.isInstalled(SPACE)).isFalse();
        assertThat(lifecycle.status(SPACE).status()).isEqualTo(StoreStatus.NOT_INSTALLED);
        assertThat(store.get(SPACE, "g1")).isPresent();
    }

    @Test
    void deleteManyReportsWhatWasDeletedAndWhatIsStillInstalled() {
        lifecycle.enable(SPACE, null, obj("{}"));
        LegacyEngineLifecycle.DeletedEngines answer = lifecycle.deleteMany(SPACE,
                List.of(LegacyEngineType.HOST, LegacyEngineType.UNIVERSAL), false);
        assertThat(answer.deleted()).containsExactly(EntityType.HOST);
        assertThat(answer.stillInstalled()).containsExactly(EntityType.USER, EntityType.SERVICE, EntityType.GENERIC);
        answer = lifecycle.deleteMany(SPACE, List.of(), true);
        assertThat(answer.deleted()).containsExactly(EntityType.USER, EntityType.SERVICE, EntityType.GENERIC);
        assertThat(answer.stillInstalled()).isEmpty();
        assertThat(lifecycle.deleteMany(SPACE, List.of(), true).deleted()).isEmpty();
    }
}
