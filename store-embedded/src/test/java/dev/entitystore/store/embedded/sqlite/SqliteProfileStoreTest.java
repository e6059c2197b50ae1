package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.profile.ProfileUser;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
import dev.entitystore.domain.store.contract.ProfileStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile port's contract on SQLite, and what survives reopening the file. */
class SqliteProfileStoreTest extends ProfileStoreContract {
    @TempDir
    Path dir;
    private final List<SqliteProfileStore> opened = new ArrayList<>();

    @Override
    protected ProfileStore store() {
        Path data = dir.resolve("store-" + opened.size());
        try {
            java.nio.file.Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SqliteProfileStore store = SqliteProfileStore.open(data);
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteProfileStore::close);
    }

    @Test
    void profilesAndTheirVersionsSurviveReopening() {
        Path data = dir;
        UserProfile profile = new UserProfile("u_x_0", true, 5L, new ProfileUser("bob", List.of("r"), "realm", null, "b@x"),
                null, null);
        VersionedProfile written;
        try (SqliteProfileStore store = SqliteProfileStore.open(data)) {
            written = store.create(profile, ProfileRefresh.WAIT_FOR).orElseThrow();
        }
        try (SqliteProfileStore store = SqliteProfileStore.open(data)) {
            assertThat(store.exists()).isTrue();
            assertThat(store.get("u_x_0")).contains(written);
            VersionedProfile next = store.replace(profile, written.seqNo(), 1, ProfileRefresh.FALSE).orElseThrow();
            assertThat(next.seqNo()).isEqualTo(written.seqNo() + 1);
        }
    }
}
