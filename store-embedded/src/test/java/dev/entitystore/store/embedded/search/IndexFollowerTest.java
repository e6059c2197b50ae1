package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower answers writes while an index commit is stuck on a slow disk. */
class IndexFollowerTest {
    @TempDir
    Path dir;

    @Test
    void writesBecomeSearchableWhileAnIndexCommitIsStuckInFsync() throws Exception {
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stall = new AtomicBoolean();
        LuceneEntityIndex index = LuceneEntityIndex.open(dir, directory -> new StallingSync(directory, stall, syncing, release));
        index.commit(); // the index's first commit, as a store that has run before has
        stall.set(true);
        IndexFollower follower = new IndexFollower(index, 20);
        try {
            follower.start(() -> { });
            follower.committed(List.of(host(1, "h1"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(syncing.await(30, TimeUnit.SECONDS)).as("a periodic commit reached fsync").isTrue();

            // The commit now hangs in fsync until released: the next write, and a search after it, must not wait for it.
            follower.committed(List.of(host(2, "h2"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
            follower.awaitApplied(2);

            LuceneEntitySearch search = new LuceneEntitySearch(index,
                    new RecordsInMemory().apply(List.of(host(1, "h1"), host(2, "h2"))), Clock.systemUTC());
            assertThat(search.search(new SearchRequest("default", new Query.MatchAll(), SearchSort.newestFirst(), null, 0, 10, false))
                    .hits().stream().map(SearchHit::id)).containsExactlyInAnyOrder("h1", "h2");
        } finally {
            release.countDown();
            follower.close();
            index.close();
        }
        assertThat(LuceneEntityIndex.open(dir).appliedSeq()).as("committed on close through the last change").isEqualTo(2);
    }

    private static CommittedChange host(long seq, String id) {
        return CommittedChange.upsert(seq, "default", id, "{\"@timestamp\":\"2024-06-15T10:00:0" + seq
                + ".000Z\",\"entity\":{\"id\":\"host:" + id + "\"},\"host\":{\"name\":\"" + id + "\"}}");
    }

    /** A disk whose fsync of segment files blocks until released, as a shared disk under heavy writes can for seconds. */
    private static final class StallingSync extends FilterDirectory {
        private final AtomicBoolean stall;
        private final CountDownLatch syncing;
        private final CountDownLatch release;

        StallingSync(Directory in, AtomicBoolean stall, CountDownLatch syncing, CountDownLatch release) {
            super(in);
            this.stall = stall;
            this.syncing = syncing;
            this.release = release;
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            // Lucene fsyncs the new pending_segments_N under the writer's lock; what takes long on a busy disk
            // is the segment files, synced outside it: those stall here.
            if (!stall.get() || names.stream().allMatch(name -> name.startsWith("pending_segments"))) {
                super.sync(names);
                return;
            }
            syncing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            super.sync(names);
        }
    }
}
