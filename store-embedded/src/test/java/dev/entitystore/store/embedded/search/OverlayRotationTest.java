package dev.entitystore.store.embedded.search;

import static dev.entitystore.store.embedded.search.EmbeddedSearchIndexTest.indexed;
import static dev.entitystore.store.embedded.search.EmbeddedSearchIndexTest.put;
import static dev.entitystore.store.embedded.search.EmbeddedSearchIndexTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay of recent writes over the main index: a record is listed once, from the newest layer that
 * wrote it, before, during and after it moves into main; totals stay exact; a crash loses nothing.
 */
class OverlayRotationTest {
    static final long NEVER = EmbeddedSearchIndexTest.NEVER;
    /** The overlay moves into main only when told ({@link EmbeddedSearchIndex#commit}). */
    static final LuceneEntityIndex.Rotation MANUAL = new LuceneEntityIndex.Rotation(Integer.MAX_VALUE, NEVER);
    /** The overlay moves into main after a handful of records or a few milliseconds. */
    static final LuceneEntityIndex.Rotation TINY = new LuceneEntityIndex.Rotation(3, 5);

    @TempDir
    Path dataDir;

    EmbeddedSearchIndex openIndex(SqliteEntityStore store, LuceneEntityIndex.Rotation rotation) {
        return EmbeddedSearchIndex.open(dataDir, store, store::attach, Clock.systemUTC(), NEVER, rotation);
    }

    static SearchResult list(EmbeddedSearchIndex index, String space, String kql, int size) {
        Query query = kql == null ? new Query.MatchAll() : KqlParser.parse(kql);
        return index.search(new SearchRequest(space, query, SearchSort.newestFirst(), null, 0, size, true));
    }

    @Test
    void anUpdateOfARecordInMainIsListedOnceWithItsNewValues() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            for (int i = 0; i < 50; i++) {
                put(store, "default", "r-" + i, 1);
            }
            index.commit(); // all 50 now in main, the overlay empty
            for (int i = 0; i < 50; i += 5) {
                put(store, "default", "r-" + i, 2);
            }
            SearchResult all = list(index, "default", null, 1_000);
            assertThat(all.hits()).hasSize(50);
            assertThat(all.total()).isEqualTo(50);
            assertThat(all.hits().stream().map(SearchHit::id).distinct()).hasSize(50);
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).containsEntry("r-0", 2).containsEntry("r-1", 1);
            assertThat(list(index, "default", "version: 2", 1_000).total()).isEqualTo(10);
            assertThat(list(index, "default", "version: 1", 1_000).total()).isEqualTo(40);
            assertThat(list(index, "default", "version: 1", 1_000).hits()).hasSize(40);
            assertThat(list(index, "default", "entity.id: r-5", 10).hits()).singleElement()
                    .satisfies(hit -> assertThat(hit.source().path("version").asInt()).isEqualTo(2));

            index.commit(); // and the same once the updates are in main
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default"));
            assertThat(list(index, "default", "version: 2", 1_000).total()).isEqualTo(10);
        }
    }

    @Test
    void aDeletionHidesTheCopyInMain() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            for (int i = 0; i < 20; i++) {
                put(store, "default", "d-" + i, 1);
            }
            index.commit();
            for (int i = 0; i < 20; i += 4) {
                store.delete("default", "d-" + i);
            }
            put(store, "default", "d-4", 7); // deleted and written again within the overlay
            SearchResult all = list(index, "default", null, 1_000);
            assertThat(all.total()).isEqualTo(16);
            assertThat(all.hits()).hasSize(16);
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).doesNotContainKey("d-0")
                    .doesNotContainKey("d-8").containsEntry("d-4", 7);
            assertThat(list(index, "default", "entity.id: d-0", 10).total()).isZero();
            assertThat(list(index, "default", "version: 1", 1_000).total()).isEqualTo(15);

            index.commit();
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default"));
            assertThat(list(index, "default", null, 1_000).total()).isEqualTo(16);
        }
    }

    @Test
    void aSearchAfterWalkAcrossOverlayAndMainReturnsEachRecordOnce() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            for (int i = 0; i < 60; i++) {
                put(store, "default", "w-" + i, 1);
            }
            index.commit();
            for (int i = 0; i < 60; i += 3) {
                put(store, "default", "w-" + i, 2); // superseding main's copies
            }
            for (int i = 60; i < 80; i++) {
                put(store, "default", "w-" + i, 1); // only in the overlay
            }
            for (SearchSort sort : List.of(SearchSort.newestFirst(), new SearchSort("entity.id", false), new SearchSort("version", true))) {
                List<String> walked = new ArrayList<>();
                List<Object> after = null;
                while (true) {
                    SearchResult page = index.search(new SearchRequest("default", new Query.MatchAll(), sort, after, 0, 7, true));
                    assertThat(page.total()).isEqualTo(80);
                    if (page.hits().isEmpty()) {
                        break;
                    }
                    page.hits().forEach(hit -> walked.add(hit.id()));
                    after = page.hits().get(page.hits().size() - 1).sortValues();
                }
                assertThat(walked).as("walk by %s", sort).hasSize(80).doesNotHaveDuplicates();
                List<String> inOnePage = list(index, "default", null, 1_000).hits().stream().map(SearchHit::id).toList();
                if (sort.equals(SearchSort.newestFirst())) {
                    assertThat(walked).isEqualTo(inOnePage);
                }
            }
        }
    }

    @Test
    void searchesWhileTheOverlayKeepsMovingIntoMainSeeEveryRecordOnce() throws Exception {
        int records = 200;
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, TINY)) {
            for (int i = 0; i < records; i++) {
                put(store, "default", "s-" + i, 0);
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger searches = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 1; i <= 150; i++) {
                        int v = i;
                        String id = "s-" + (thread * 100 + ThreadLocalRandom.current().nextInt(100));
                        put(store, "default", id, v);
                        SearchResult mine = list(index, "default", "entity.id: " + id, 10);
                        assertThat(mine.hits()).singleElement()
                                .satisfies(hit -> assertThat(hit.source().path("version").asInt()).isEqualTo(v));
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        SearchResult all = list(index, "default", null, 1_000);
                        assertThat(all.total()).isEqualTo(records);
                        assertThat(all.hits().stream().map(SearchHit::id).distinct()).hasSize(records);
                        searches.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
            pool.shutdown();
            assertThat(searches.get()).isPositive();
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).hasSize(records);
        }
    }

    @Test
    void aReadersOwnWriteIsListedAtItsVersionThroughRotations() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, TINY)) {
            for (int i = 0; i < 100; i++) {
                int v = i;
                String id = "y-" + (v % 7);
                put(store, "default", id, v);
                assertThat(list(index, "default", "entity.id: " + id, 10).hits()).singleElement()
                        .satisfies(hit -> assertThat(hit.source().path("version").asInt()).isEqualTo(v));
            }
            assertThat(list(index, "default", null, 100).total()).isEqualTo(7);
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, TINY)) {
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).hasSize(7);
        }
    }

    @Test
    void manySmallWritesCompactedWithinTheOverlayStayListedOnce() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            for (int i = 0; i < 40; i++) {
                put(store, "default", "m-" + i, 0);
            }
            index.commit();
            // More single writes than the overlay holds record by record: it compacts them, more than once.
            for (int v = 1; v <= 3 * RecentWrites.COMPACT_RECORDS; v++) {
                put(store, "default", "m-" + (v * 7 % 60), v);
                if (v % 50 == 0) {
                    store.delete("default", "m-" + (v % 40));
                }
            }
            Map<String, Integer> expected = stored(store, "default");
            assertThat(indexed(index, "default")).isEqualTo(expected);
            assertThat(list(index, "default", null, 1_000).total()).isEqualTo(expected.size());
            index.commit();
            assertThat(indexed(index, "default")).isEqualTo(expected);
            assertThat(list(index, "default", null, 1_000).total()).isEqualTo(expected.size());
        }
    }

    @Test
    void aCommitCoversOnlyWhatIsInMain() throws Exception {
        Path path = dataDir.resolve("index");
        LuceneEntityIndex index = LuceneEntityIndex.open(path, UnaryOperator.identity(), MANUAL);
        index.apply(List.of(host(1, "a"), host(2, "b")), 2);
        index.refresh();
        index.commit();
        assertThat(index.committedSeq()).as("both only in the overlay").isZero();
        index.moveToMain();
        index.commit();
        assertThat(index.committedSeq()).isEqualTo(2);
        index.apply(List.of(host(3, "c")), 3);
        index.refresh();
        index.commit();
        assertThat(index.committedSeq()).isEqualTo(2);
        assertThat(index.appliedSeq()).isEqualTo(3);
        index.crash();
        LuceneEntityIndex reopened = LuceneEntityIndex.open(path);
        assertThat(reopened.appliedSeq()).as("the catch-up re-applies from here").isEqualTo(2);
        reopened.close();
    }

    @Test
    void aRestartAfterACrashCatchesUpWhatWasOnlyInTheOverlay() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            EmbeddedSearchIndex index = openIndex(store, MANUAL);
            for (int i = 0; i < 30; i++) {
                put(store, "default", "c-" + i, 1);
            }
            index.commit(); // in main, committed
            long committed = index.committedSeq();
            for (int i = 0; i < 30; i += 3) {
                put(store, "default", "c-" + i, 2);
            }
            store.delete("default", "c-1");
            put(store, "default", "c-new", 3);
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default"));
            assertThat(index.committedSeq()).isEqualTo(committed);
            index.crash();
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            assertThat(index.appliedSeq()).isEqualTo(store.lastSeqNo());
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).hasSize(30)
                    .doesNotContainKey("c-1").containsEntry("c-0", 2).containsEntry("c-2", 1).containsEntry("c-new", 3);
        }
    }

    @Test
    void aSpaceDeletionRemovesItsRecordsFromEveryLayer() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            for (int i = 0; i < 10; i++) {
                put(store, "other", "o-" + i, 1);
                put(store, "default", "k-" + i, 1);
            }
            index.commit();
            put(store, "other", "o-0", 2);       // overlay copy over main's
            put(store, "other", "o-overlay", 1); // only in the overlay
            put(store, "default", "k-0", 2);
            store.deleteAll("other");
            assertThat(list(index, "other", null, 100).total()).isZero();
            assertThat(list(index, "other", null, 100).hits()).isEmpty();
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default")).hasSize(10).containsEntry("k-0", 2);
            put(store, "other", "o-again", 5);
            assertThat(indexed(index, "other")).isEqualTo(Map.of("o-again", 5));
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir); EmbeddedSearchIndex index = openIndex(store, MANUAL)) {
            assertThat(indexed(index, "other")).isEqualTo(Map.of("o-again", 5));
            assertThat(indexed(index, "default")).isEqualTo(stored(store, "default"));
        }
    }

    private static CommittedChange host(long seq, String id) {
        return CommittedChange.upsert(seq, "default", id, "{\"@timestamp\":\"2024-06-15T10:00:0" + seq
                + ".000Z\",\"entity\":{\"id\":\"host:" + id + "\"},\"host\":{\"name\":\"" + id + "\"}}");
    }
}
