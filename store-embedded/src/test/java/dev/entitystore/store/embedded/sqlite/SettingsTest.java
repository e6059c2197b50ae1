package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.SettingsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest extends SettingsContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }

    @Test
    void settings_survive_a_reopen_and_stay_out_of_the_change_sequence() {
        store.putSetting("default", "installed", obj("v", 1));
        store.create("default", "a", obj());
        store.close();

        try (SqliteEntityStore reopened = SqliteEntityStore.open(dataDir)) {
            assertThat(reopened.getSetting("default", "installed")).contains(obj("v", 1));
            assertThat(reopened.changesSince(0, 10).changes()).singleElement()
                    .satisfies(change -> assertThat(change.id()).contains("a"));
        }
        store = SqliteEntityStore.open(dataDir);
    }
}
