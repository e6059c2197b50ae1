package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store notices its files going away under it and acknowledges no write into them. */
class StoreHealthTest extends StoreTestSupport {

    @Test
    void a_store_on_its_files_is_available_with_its_figures() {
        openStore().create("default", "a", obj("v", 1));
        ComponentHealth health = store.health().check();
        assertThat(health.level()).isEqualTo(HealthLevel.AVAILABLE);
        assertThat(health.name()).isEqualTo("recordStore");
        assertThat(health.meta()).containsEntry("lastSeqNo", 1L).containsEntry("pendingWrites", 0).containsKey("freeBytes");
        assertThat(store.health().refusesWrites()).isEmpty();
    }

    @Test
    void a_removed_data_directory_is_critical_and_the_next_write_is_not_applied() throws IOException {
        openStore().create("default", "a", obj("v", 1));
        deleteTree(dataDir);

        ComponentHealth health = store.health().check();
        assertThat(health.level()).isEqualTo(HealthLevel.CRITICAL);
        assertThat(health.summary()).contains("was removed while the server was running").contains("restore a backup");
        assertThat(store.health().refusesWrites()).get().asString().contains("data directory");
        long before = store.lastSeqNo();
        // Even past the server's guard (a removal between the check and the commit), the commit refuses.
        assertThatThrownBy(() -> store.create("default", "b", obj("v", 2)))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("was removed");
        assertThat(store.lastSeqNo()).isEqualTo(before);
        assertThat(store.get("default", "b")).isEmpty();
    }

    @Test
    void a_replaced_database_file_is_critical_and_writes_are_refused() throws IOException {
        openStore().create("default", "a", obj("v", 1));
        Path db = store.dbFile();
        Path copy = dataDir.resolve("copy.db");
        Files.copy(db, copy);
        Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING);

        assertThat(store.health().check().level()).isEqualTo(HealthLevel.CRITICAL);
        assertThat(store.health().check().summary()).contains("database file").contains("was replaced");
        assertThatThrownBy(() -> store.merge("default", "a", current -> dev.entitystore.domain.store.MergeDecision.noop()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void a_closed_store_is_unavailable() {
        openStore().close();
        assertThat(store.health().check().level()).isEqualTo(HealthLevel.UNAVAILABLE);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
