package dev.entitystore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.HistorySnapshots;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule's side of history snapshots ({@link HistorySnapshots#takeDue}): a started space gets its first
 * snapshot at the next check and the next one a {@code frequency} later (or, on a midnight cadence, at the next
 * midnight of its time zone), a stopped or uninstalled space none.
 */
class HistorySnapshotScheduleTest {
    private static final Instant INSTALLED = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dataDir;
    private SqliteEntityStore store;

    @BeforeEach
    void open() {
        store = SqliteEntityStore.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private HistorySnapshots at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new HistorySnapshots(new EngineManager(store, clock), store, request -> new SearchResult(List.of(), 5), clock);
    }

    private JsonNode status(String space) {
        return new EngineManager(store, Clock.systemUTC()).status(space).historySnapshot();
    }

    private void install(String space, String frequency) {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        if (frequency != null) {
            snapshot.put("frequency", frequency);
        }
        new EngineManager(store, Clock.fixed(INSTALLED, ZoneOffset.UTC)).install(space, List.of(), null, snapshot);
    }

    @Test
    void aStartedSpaceIsSnapshottedAtOnceThenEveryFrequency() {
        install("hourly", "1h");
        assertThat(at(INSTALLED.plusSeconds(60)).takeDue()).isEqualTo(1);
        assertThat(status("hourly").path("lastSnapshot").toString())
                .isEqualTo("{\"@timestamp\":\"2026-03-01T00:01:00.000Z\",\"docCount\":5}");

        assertThat(at(INSTALLED.plus(Duration.ofMinutes(60))).takeDue()).isZero();
        assertThat(at(INSTALLED.plus(Duration.ofMinutes(61))).takeDue()).isEqualTo(1);
        assertThat(status("hourly").path("lastSnapshot").path("@timestamp").asText()).isEqualTo("2026-03-01T01:01:00.000Z");
    }

    @Test
    void theDefaultFrequencyIsADay() {
        install("daily", null);
        assertThat(at(INSTALLED).takeDue()).isEqualTo(1);
        assertThat(at(INSTALLED.plus(Duration.ofHours(23))).takeDue()).isZero();
        assertThat(at(INSTALLED.plus(Duration.ofHours(24))).takeDue()).isEqualTo(1);
    }

    @Test
    void stoppedAndUninstalledSpacesAreNotSnapshotted() {
        install("stopped", "1h");
        install("gone", "1h");
        at(INSTALLED).disable("stopped", false);
        new EngineManager(store, Clock.systemUTC()).uninstall("gone", List.of());
        assertThat(at(INSTALLED.plus(Duration.ofDays(2))).takeDue()).isZero();
        assertThat(status("stopped").has("lastSnapshot")).isFalse();
    }

    @Test
    void aMidnightCadenceTakesTheNextSnapshotAtTheZonesMidnightAndAFrequencyAloneGoesBackToAnInterval() {
        install("berlin", "1h");
        at(INSTALLED).changeCadence("berlin", null, "Europe/Berlin");
        assertThat(status("berlin").path("frequency").asText()).isEqualTo("24h");
        assertThat(status("berlin").path("timezone").asText()).isEqualTo("Europe/Berlin");
        // 10:00 UTC is 11:00 in Berlin (CET): the next midnight there is 23:00 UTC.
        Instant first = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(at(first).takeDue()).isEqualTo(1);
        assertThat(at(Instant.parse("2026-03-01T22:59:00Z")).takeDue()).isZero();
        assertThat(at(Instant.parse("2026-03-01T23:00:00Z")).takeDue()).isEqualTo(1);
        assertThat(at(Instant.parse("2026-03-02T22:00:00Z")).takeDue()).isZero();

        at(INSTALLED).changeCadence("berlin", "2h", null);
        assertThat(status("berlin").has("timezone")).isFalse();
        assertThat(status("berlin").path("frequency").asText()).isEqualTo("2h");
        assertThat(at(Instant.parse("2026-03-02T00:59:00Z")).takeDue()).isZero();
        assertThat(at(Instant.parse("2026-03-02T01:00:00Z")).takeDue()).isEqualTo(1);
    }
}
