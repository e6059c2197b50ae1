package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.store.TestJson;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index following the store: visible on return, caught up after a crash, rebuilt when missing. */
class EmbeddedSearchIndexTest {
    static final long NEVER = 3_600_000;

    @TempDir
    Path dataDir;

    EmbeddedSearchIndex openIndex(SqliteEntityStore store, long commitInterval) {
        return EmbeddedSearchIndex.open(dataDir, store, store::attach, Clock.systemUTC(), commitInterval);
    }

    static ObjectNode record(String id, int version) {
        return TestJson.parse("{\"@timestamp\":\"2024-06-15T10:00:00.000Z\",\"entity\":{\"id\":\"" + id
                + "\"},\"version\":" + version + "}");
    }

    static void put(SqliteEntityStore store, String space, String id, int version) {
        store.merge(space, id, current -> MergeDecision.write(record(id, version)));
    }

    static Map<String, Integer> indexed(EmbeddedSearchIndex index, String space) {
        Map<String, Integer> found = new TreeMap<>();
        for (SearchHit hit : index.search(new SearchRequest(space, new Query.MatchAll(), SearchSort.newestFirst(), null, 0, 10_000, true)).hits()) {
            found.put(hit.id(), hit.source().path("version").asInt());
        }
        return found;
    }

    static Map<String, Integer> stored(SqliteEntityStore store, String space) {
        Map<String, Integer> found = new TreeMap<>();
        for (StoredEntity entity : store.scan(space, null, 10_000).entities()) {
            found.put(entity.id(), entity.source().path("version").asInt());
        }
        return found;
    }

    @Test
    void aWriteIsSearchableWhenItReturns() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String id = "e-" + thread + "-" + (i % 5);
                        put(store, "default", id, i);
                        // Read-your-write through the index: this thread's entity, at exactly this version.
                        List<SearchHit> hits = index.search(new SearchRequest("default",
                                KqlParser.parse("entity.id: " + id), SearchSort.newestFirst(), null, 0, 10, false)).hits();
                        assertThat(hits).hasSize(1);
                        assertThat(hits.get(0).source().path("version").asInt()).isEqualTo(i);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default"));
        }
    }

    @Test
    void catchesUpAfterACrashBetweenStoreAndIndexCommits() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            EmbeddedSearchIndex index = openIndex(store, NEVER);
            for (int i = 0; i < 30; i++) {
                put(store, "default", "a-" + i, 1);
                put(store, "other", "b-" + i, 1);
            }
            index.commit(); // the index's last durable point
            long committedAt = index.appliedSeq();
            for (int i = 0; i < 30; i += 2) {
                put(store, "default", "a-" + i, 2);        // updated after the index commit
            }
            store.delete("default", "a-1");                 // deleted after it
            store.deleteAll("other");                       // a whole space deleted after it
            put(store, "other", "b-new", 3);                // and written again
            store.bulk("default", List.of(BulkOperation.create("a-new", record("a-new", 3))));
            assertThat(index.appliedSeq()).isGreaterThan(committedAt);
            index.crash();
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            assertThat(index.appliedSeq()).isEqualTo(store.lastSeqNo());
            Map<String, Integer> inDefault = indexed(index, "default");
            assertThat(inDefault).isEqualTo(stored(store, "default")).hasSize(30).doesNotContainKey("a-1").containsEntry("a-0", 2)
                    .containsEntry("a-3", 1).containsEntry("a-new", 3);
            assertThat(indexed(index, "other")).isEqualTo(Map.of("b-new", 3));
        }
    }

    /**
     * A store upgraded from before its change log: an index committed before the log's first write cannot
     * be caught up from it (the records written in between have no change), so it is built anew.
     */
    @Test
    void anIndexCommittedBeforeTheStoresChangeLogBeginsIsRebuiltNotCaughtUp() throws Exception {
        long logFrom;
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            EmbeddedSearchIndex index = openIndex(store, NEVER);
            put(store, "default", "before-1", 1);
            index.commit();
            put(store, "default", "unlogged", 1);   // as if written before the change log existed
            logFrom = store.lastSeqNo();
            put(store, "default", "logged", 1);
            index.crash();
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEntityStore.DB_FILE_NAME));
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM changes WHERE seq <= " + logFrom);
            s.executeUpdate("UPDATE store_meta SET value = " + logFrom + " WHERE key = 'change_log_from'");
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            assertThat(store.followsFrom(logFrom - 1)).isFalse();
            assertThat(store.followsFrom(logFrom)).isTrue();
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).containsOnlyKeys("before-1", "unlogged", "logged");
            assertThat(index.appliedSeq()).isEqualTo(store.lastSeqNo());
        }
    }

    @Test
    void rebuildsWhenTheIndexIsMissing() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            List<BulkOperation> creates = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                creates.add(BulkOperation.create("r-" + i, record("r-" + i, i)));
            }
            store.bulk("default", creates);
        }
        try (Stream<Path> files = Files.walk(dataDir.resolve(EmbeddedSearchIndex.DIRECTORY))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            assertThat(indexed(index, "default")).hasSize(2_500).isEqualTo(stored(store, "default"));
        }
    }

    private void dropIndex() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve(EmbeddedSearchIndex.DIRECTORY))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aRebuildFromAStoreWithHistoryHoldsEachLiveRecordOnceAndLaterWritesReplaceThem() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            for (int round = 1; round <= 3; round++) {
                List<BulkOperation> writes = new ArrayList<>();
                for (int i = 0; i < 1_500; i++) {
                    writes.add(BulkOperation.merge("h-" + i, current -> MergeDecision.write(record("x", 0))));
                }
                store.bulk("default", writes);
                for (int i = 0; i < 1_500; i += 7) {
                    put(store, "default", "h-" + i, round);
                }
            }
            for (int i = 0; i < 1_500; i += 11) {
                store.delete("default", "h-" + i);
            }
            put(store, "gone", "g-1", 1);
            store.deleteAll("gone");
            put(store, "gone", "g-2", 2);
        }
        dropIndex();
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            assertThat(index.appliedSeq()).isEqualTo(store.lastSeqNo());
            assertThat(index.committedSeq()).isEqualTo(store.lastSeqNo());
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).doesNotContainKey("h-0").hasSize(1_500 - 137);
            assertThat(indexed(index, "gone")).isEqualTo(Map.of("g-2", 2));
            put(store, "default", "h-1", 9);   // replaces the rebuilt document, not a second copy
            store.delete("default", "h-2");    // and deletes reach rebuilt documents
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).containsEntry("h-1", 9).doesNotContainKey("h-2");
        }
    }

    @Test
    void aCleanRestartNeedsNoCatchUp() {
        long seq;
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, NEVER)) {
            put(store, "default", "x", 1);
            seq = store.lastSeqNo();
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            LuceneEntityIndex reopened = LuceneEntityIndex.open(dataDir.resolve(EmbeddedSearchIndex.DIRECTORY));
            assertThat(reopened.committedSeq()).isEqualTo(seq);
            reopened.close();
        }
    }

    @Test
    void periodicCommitsCarryTheSeqNo() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, 50)) {
            put(store, "default", "p", 1);
            long seq = store.lastSeqNo();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (index.committedSeq() < seq && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(index.committedSeq()).isEqualTo(seq);
        }
    }
}
