package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.backup.BackupSummary;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.exceptionlist.StoredListObject;
import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileUser;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.StoreOpenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Online backup under write load, and restore into a new data directory. */
class BackupRestoreTest extends StoreTestSupport {
    private static final int ITEMS_PER_BULK = 5;

    @TempDir
    Path elsewhere;

    @Test
    void a_backup_under_write_load_holds_every_acknowledged_write_and_no_bulk_by_halves() throws Exception {
        openStore();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String bulk = "w" + writer + "-b" + n;
                    List<BulkOperation> items = new ArrayList<>();
                    for (int k = 0; k < ITEMS_PER_BULK; k++) {
                        items.add(BulkOperation.create(bulk + "-" + k, obj("bulk", bulk)));
                    }
                    store.bulk("default", items);
                    acknowledged.add(bulk);
                }
                return null;
            }));
        }
        Thread.sleep(300);
        Set<String> acknowledgedBefore = Set.copyOf(acknowledged);
        BackupSummary summary = new SqliteBackup(dataDir).backupTo(elsewhere.resolve("backup"));
        Thread.sleep(100);
        running.set(false);
        for (Future<?> writer : done) {
            writer.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertThat(acknowledgedBefore).isNotEmpty();
        assertThat(acknowledged.size()).as("writes went on during the backup").isGreaterThan(acknowledgedBefore.size());
        assertThat(Files.readString(summary.path().resolve(SqliteBackup.MANIFEST))).contains("\"lastSeqNo\":" + summary.lastSeqNo());

        Path restored = elsewhere.resolve("restored");
        assertThat(SqliteRestore.restore(summary.path(), restored)).isEqualTo(summary.lastSeqNo());
        try (SqliteEntityStore copy = SqliteEntityStore.open(restored)) {
            for (String bulk : acknowledgedBefore) {
                for (int k = 0; k < ITEMS_PER_BULK; k++) {
                    assertThat(copy.get("default", bulk + "-" + k)).as(bulk + " acknowledged before the backup").isPresent();
                }
            }
            long entities = 0;
            for (String bulk : acknowledged) {
                int present = 0;
                for (int k = 0; k < ITEMS_PER_BULK; k++) {
                    present += copy.get("default", bulk + "-" + k).isPresent() ? 1 : 0;
                }
                assertThat(present).as(bulk + " whole or absent").isIn(0, ITEMS_PER_BULK);
                entities += present;
            }
            assertThat(entities).isEqualTo(summary.entities());
            assertThat(copy.lastSeqNo()).isEqualTo(summary.lastSeqNo());
        }
    }

    @Test
    void a_backup_never_overwrites_and_a_restore_never_lands_on_a_store() throws IOException {
        openStore().create("default", "a", obj("v", 1));
        Path backup = elsewhere.resolve("backup");
        new SqliteBackup(dataDir).backupTo(backup);
        assertThatThrownBy(() -> new SqliteBackup(dataDir).backupTo(backup))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> SqliteRestore.restore(backup, dataDir))
                .isInstanceOf(StoreOpenException.class).hasMessageContaining("is not empty");
        assertThat(store.get("default", "a")).isPresent();
    }

    @Test
    void the_user_profiles_are_backed_up_and_restored_beside_the_store() {
        openStore().create("default", "a", obj("v", 1));
        UserProfile profile = new UserProfile("u_bk_0", true, 5L, new ProfileUser("bob", List.of("r"), "realm", null, null),
                obj("app1", "x"), obj("app1", "y"));
        VersionedProfile written;
        try (SqliteProfileStore profiles = SqliteProfileStore.open(dataDir)) {
            written = profiles.create(profile, ProfileRefresh.WAIT_FOR).orElseThrow();
            BackupSummary summary = new SqliteBackup(dataDir).backupTo(elsewhere.resolve("backup"));
            assertThat(summary.path().resolve(SqliteProfileStore.DB_FILE_NAME)).isRegularFile();
        }
        Path restored = elsewhere.resolve("restored");
        SqliteRestore.restore(elsewhere.resolve("backup"), restored);
        try (SqliteProfileStore copy = SqliteProfileStore.open(restored)) {
            assertThat(copy.get("u_bk_0")).contains(written);
        }
    }

    @Test
    void the_exception_lists_are_backed_up_and_restored_beside_the_store() {
        openStore().create("default", "a", obj("v", 1));
        StoredListObject written;
        try (SqliteExceptionListStore lists = SqliteExceptionListStore.open(dataDir)) {
            written = lists.create("item-1", dev.entitystore.domain.testing.Json.obj(
                    "{\"list_type\":\"item\",\"list_id\":\"endpoint_list\",\"item_id\":\"i\",\"name\":\"n\"}"))
                    .orElseThrow();
            BackupSummary summary = new SqliteBackup(dataDir).backupTo(elsewhere.resolve("backup"));
            assertThat(summary.path().resolve(SqliteExceptionListStore.DB_FILE_NAME)).isRegularFile();
        }
        Path restored = elsewhere.resolve("restored");
        SqliteRestore.restore(elsewhere.resolve("backup"), restored);
        try (SqliteExceptionListStore copy = SqliteExceptionListStore.open(restored)) {
            assertThat(copy.get("item-1")).contains(written);
            assertThat(copy.findItem("endpoint_list", "i")).contains(written);
        }
    }

    @Test
    void a_damaged_backup_is_refused_before_anything_is_written() throws IOException {
        openStore().create("default", "a", obj("v", 1));
        Path backup = elsewhere.resolve("backup");
        new SqliteBackup(dataDir).backupTo(backup);
        Path db = backup.resolve(SqliteEntityStore.DB_FILE_NAME);
        byte[] bytes = Files.readAllBytes(db);
        for (int i = bytes.length / 2; i < bytes.length; i++) {
            bytes[i] = (byte) 0x5a;
        }
        Files.write(db, bytes);
        Path target = elsewhere.resolve("restored");
        assertThatThrownBy(() -> SqliteRestore.restore(backup, target)).isInstanceOf(StoreOpenException.class);
        assertThat(target).doesNotExist();
    }
}
