package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.StoreBusyException;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.MergeDecision;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Backpressure: past the bound of pending entity writes, a write is refused at once and nothing of it is applied. */
@Timeout(60) // without the bound, a refused write would wait forever for the held-back follower
class WriteAdmissionTest {
    @TempDir
    Path dataDir;

    private SqliteEntityStore store;
    /** The follower's answers, held back until a test releases them (a search index that cannot keep up). */
    private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        held.forEach(future -> future.complete(null));
        if (store != null) {
            store.close();
        }
    }

    private void openWithSlowFollower(int maxPending) {
        store = SqliteEntityStore.open(dataDir, maxPending);
        store.attach((List<CommittedChange> changes) -> {
            CompletableFuture<Void> searchable = new CompletableFuture<>();
            held.add(searchable);
            return searchable;
        });
    }

    /** Starts a bulk of {@code n} creates on another thread; it stays pending until the follower is released. */
    private CompletableFuture<Void> pendingBulk(String prefix, int n) throws InterruptedException {
        List<BulkOperation> items = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> BulkOperation.create(prefix + i, obj("v", i))).toList();
        int before = held.size();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> store.bulk("default", items));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.size() == before && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(held).as("the bulk reached the follower").hasSizeGreaterThan(before);
        return done;
    }

    @Test
    void aWritePastTheBoundIsRefusedWithRetryAfterAndNotApplied() throws Exception {
        openWithSlowFollower(3);
        CompletableFuture<Void> first = pendingBulk("a", 3);

        assertThatThrownBy(() -> store.create("default", "late", obj("v", 1)))
                .isInstanceOf(StoreBusyException.class)
                .hasMessage("The entity store is busy: 3 entity writes are waiting to be stored and made searchable "
                        + "(at most 3); the create of late was not applied. Retry after 1 second.")
                .satisfies(e -> assertThat(((StoreBusyException) e).retryAfterSeconds()).isEqualTo(1));
        assertThatThrownBy(() -> store.merge("default", "a0", current -> MergeDecision.write(obj("v", "changed"))))
                .isInstanceOf(StoreBusyException.class);
        assertThatThrownBy(() -> store.delete("default", "a1")).isInstanceOf(StoreBusyException.class);
        assertThatThrownBy(() -> store.bulk("default", List.of(BulkOperation.create("late2", obj("v", 2)))))
                .isInstanceOf(StoreBusyException.class);

        held.forEach(future -> future.complete(null));
        first.get(10, TimeUnit.SECONDS);
        assertThat(store.get("default", "late")).isEmpty();
        assertThat(store.get("default", "late2")).isEmpty();
        assertThat(store.get("default", "a0").orElseThrow().source()).isEqualTo(obj("v", 0));
        assertThat(store.get("default", "a1")).isPresent();
    }

    @Test
    void writesAreTakenAgainOnceThePendingOnesAreAnswered() throws Exception {
        openWithSlowFollower(2);
        CompletableFuture<Void> first = pendingBulk("a", 2);
        assertThatThrownBy(() -> store.create("default", "b", obj("v", 1))).isInstanceOf(StoreBusyException.class);

        held.forEach(future -> future.complete(null));
        first.get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> store.create("default", "b", obj("v", 1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!second.isDone() && System.nanoTime() < deadline) {
            held.forEach(future -> future.complete(null));
            Thread.sleep(5);
        }
        second.get(10, TimeUnit.SECONDS);
        assertThat(store.get("default", "b")).isPresent();
    }

    @Test
    void aBulkLargerThanTheBoundIsTakenWhenNothingIsPending() throws Exception {
        openWithSlowFollower(2);
        CompletableFuture<Void> big = pendingBulk("big", 5);
        assertThatThrownBy(() -> store.create("default", "c", obj("v", 1))).isInstanceOf(StoreBusyException.class);
        held.forEach(future -> future.complete(null));
        big.get(10, TimeUnit.SECONDS);
        assertThat(store.get("default", "big4")).isPresent();
    }

    @Test
    void settingsAreNotBounded() throws Exception {
        openWithSlowFollower(1);
        CompletableFuture<Void> first = pendingBulk("a", 1);
        CompletableFuture<Void> setting = CompletableFuture.runAsync(() -> store.putSetting("default", "k", obj("on", true)));
        setting.get(10, TimeUnit.SECONDS); // settings changes are not followed by the index: answered at commit
        assertThat(store.getSetting("default", "k")).isPresent();
        held.forEach(future -> future.complete(null));
        first.get(10, TimeUnit.SECONDS);
    }
}
