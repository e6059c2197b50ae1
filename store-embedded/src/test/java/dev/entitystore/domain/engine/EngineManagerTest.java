package dev.entitystore.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.StoreNotInstalledException;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineManagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = "default";

    @TempDir
    Path dataDir;
    private SqliteEntityStore store;
    private EngineManager engines;

    @BeforeEach
    void open() {
        store = SqliteEntityStore.open(dataDir);
        engines = new EngineManager(store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void aSpaceIsNotInstalledUntilAnEngineIs() {
        assertThat(engines.status(SPACE).status()).isEqualTo(StoreStatus.NOT_INSTALLED);
        assertThatThrownBy(() -> engines.requireInstalled(SPACE)).isInstanceOf(StoreNotInstalledException.class)
                .hasMessageContaining("Entity Store is not installed.");
        assertThat(engines.install(SPACE, List.of(EntityType.HOST), null, null)).isTrue();
        engines.requireInstalled(SPACE);
        assertThat(engines.status(SPACE).status()).isEqualTo(StoreStatus.RUNNING);
    }

    @Test
    void installReportsWhetherAnythingWasNew() {
        assertThat(engines.install(SPACE, List.of(), null, null)).isTrue();
        assertThat(engines.install(SPACE, List.of(EntityType.USER), null, null)).isFalse();
        assertThat(engines.status(SPACE).engines()).hasSize(4);
    }

    @Test
    void invalidSettingsInstallNothing() throws Exception {
        ObjectNode bad = json("{\"frequency\":\"1s\"}");
        assertThatThrownBy(() -> engines.install(SPACE, List.of(), bad, null)).isInstanceOf(InvalidSettingsException.class);
        assertThat(engines.isInstalled(SPACE)).isFalse();
    }

    @Test
    void effectiveSettingsLayerTypeOverridesOverSpaceSettingsOverDefaults() throws Exception {
        engines.install(SPACE, List.of(EntityType.HOST, EntityType.SERVICE), json("{\"fieldHistoryLength\":20}"), null);
        EngineManager.EngineView host = engines.engineView(SPACE, EntityType.HOST).orElseThrow();
        EngineManager.EngineView service = engines.engineView(SPACE, EntityType.SERVICE).orElseThrow();
        assertThat(host.settings().path("frequency").asText()).isEqualTo("30s");
        assertThat(service.settings().path("frequency").asText()).isEqualTo("10m");
        assertThat(host.settings().path("fieldHistoryLength").asInt()).isEqualTo(20);
        assertThat(engines.fieldHistoryLength(SPACE, EntityType.SERVICE)).hasValue(20);

        engines.updateType(SPACE, EntityType.HOST, json("{\"frequency\":\"2m\"}"));
        assertThat(engines.engineView(SPACE, EntityType.HOST).orElseThrow().settings().path("frequency").asText()).isEqualTo("2m");
        engines.updateConfig(SPACE, json("{\"frequency\":\"5m\"}"));
        assertThat(engines.engineView(SPACE, EntityType.SERVICE).orElseThrow().settings().path("frequency").asText()).isEqualTo("5m");
    }

    @Test
    void updatesNeedAnInstalledStoreAndEngine() throws Exception {
        ObjectNode cadence = json("{\"frequency\":\"1m\"}");
        assertThatThrownBy(() -> engines.updateConfig(SPACE, cadence)).isInstanceOf(EntityNotFoundException.class)
                .hasMessage("Entity store is not installed");
        engines.install(SPACE, List.of(EntityType.HOST), null, null);
        assertThatThrownBy(() -> engines.updateType(SPACE, EntityType.USER, cadence)).isInstanceOf(EntityNotFoundException.class)
                .hasMessage("Entity engine 'user' is not installed");
    }

    @Test
    void startAndStopTouchOnlyEnginesInTheOtherState() {
        engines.install(SPACE, List.of(EntityType.HOST, EntityType.USER), null, null);
        assertThat(engines.stop(SPACE, List.of(EntityType.HOST))).containsExactly(EntityType.HOST);
        assertThat(engines.stop(SPACE, List.of(EntityType.HOST))).isEmpty();
        assertThat(engines.isStarted(SPACE, EntityType.HOST)).isFalse();
        assertThat(engines.status(SPACE).status()).isEqualTo(StoreStatus.RUNNING);
        engines.stop(SPACE, List.of());
        assertThat(engines.status(SPACE).status()).isEqualTo(StoreStatus.STOPPED);
        assertThat(engines.start(SPACE, List.of())).containsExactlyInAnyOrder(EntityType.HOST, EntityType.USER);
    }

    @Test
    void uninstallingTheLastTypeRemovesTheSpacesEntitiesButNotOtherSpaces() throws Exception {
        engines.install(SPACE, List.of(EntityType.HOST), null, null);
        engines.install("other", List.of(EntityType.HOST), null, null);
        store.create(SPACE, "a", json("{\"entity\":{\"id\":\"a\"}}"));
        store.create("other", "a", json("{\"entity\":{\"id\":\"a\"}}"));
        assertThat(engines.uninstall(SPACE, List.of())).containsExactly(EntityType.HOST);
        assertThat(engines.isInstalled(SPACE)).isFalse();
        assertThat(store.get(SPACE, "a")).isEmpty();
        assertThat(store.get("other", "a")).isPresent();
    }

    @Test
    void engineStateSurvivesReopeningTheStore() {
        engines.install(SPACE, List.of(EntityType.GENERIC), null, null);
        engines.stop(SPACE, List.of(EntityType.GENERIC));
        store.close();
        store = SqliteEntityStore.open(dataDir);
        engines = new EngineManager(store, Clock.systemUTC());
        assertThat(engines.status(SPACE).engines()).singleElement()
                .satisfies(view -> assertThat(view.engine().status()).isEqualTo(EngineStatus.STOPPED));
    }
}
