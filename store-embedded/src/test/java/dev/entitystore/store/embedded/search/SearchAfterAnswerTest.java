package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write is answered at its commit while the index may still be applying it, and the index is not refreshed
 * per write: a search started after the answer waits for the index and refreshes, and lists the write.
 */
class SearchAfterAnswerTest {
    private static final long NEVER = 3_600_000;

    @TempDir
    Path dir;

    @Test
    void everyNewEntityIsListedByTheSearchRightAfterItsWrite() {
        try (SqliteEntityStore store = SqliteEntityStore.open(dir);
             EmbeddedSearchIndex index = EmbeddedSearchIndex.open(dir, store, store::attach, Clock.systemUTC(), NEVER)) {
            for (int i = 0; i < 300; i++) {
                String id = "new-" + i;
                store.merge("default", id, current -> MergeDecision.write(EmbeddedSearchIndexTest.record(id, 1)));
                assertThat(index.search(new SearchRequest("default", KqlParser.parse("entity.id: \"" + id + "\""),
                        SearchSort.newestFirst(), null, 0, 10, true)).total()).as("write %d", i).isEqualTo(1);
            }
        }
    }

    @Test
    void writesAreAnsweredBeforeTheyAreAppliedUpToTheLagBoundAndASearchWaitsForThem() throws Exception {
        LuceneEntityIndex index = LuceneEntityIndex.open(dir);
        IndexFollower follower = new IndexFollower(index, NEVER, NEVER, 3);
        try {
            // Not started yet: nothing is applied, so what is answered now was answered before it was applied.
            List<CompletionStage<Void>> answers = new ArrayList<>();
            for (int seq = 1; seq <= 5; seq++) {
                answers.add(follower.committed(List.of(host(seq, "h" + seq))));
            }
            assertThat(answers.subList(0, 3)).allMatch(answer -> answer.toCompletableFuture().isDone());
            assertThat(answers.subList(3, 5)).noneMatch(answer -> answer.toCompletableFuture().isDone());

            LuceneEntitySearch search = new LuceneEntitySearch(index, new RecordsInMemory().apply(
                    List.of(host(1, "h1"), host(2, "h2"), host(3, "h3"), host(4, "h4"), host(5, "h5"))), Clock.systemUTC());
            CompletableFuture<List<String>> listed = CompletableFuture.supplyAsync(() -> {
                follower.awaitApplied(5);
                return ids(search);
            });
            Thread.sleep(200);
            assertThat(listed).as("the search waits for the index to apply seq 5").isNotDone();

            follower.start(() -> { });
            assertThat(listed.get(30, TimeUnit.SECONDS)).containsExactlyInAnyOrder("h1", "h2", "h3", "h4", "h5");
            for (CompletionStage<Void> answer : answers) {
                answer.toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } finally {
            follower.close();
            index.close();
        }
    }

    @Test
    void theFirstSearchAfterAnApplyRefreshesAndASearchOnAFreshSearcherDoesNot() throws Exception {
        LuceneEntityIndex index = LuceneEntityIndex.open(dir);
        IndexFollower follower = new IndexFollower(index, NEVER, NEVER, IndexFollower.MAX_LAG_RECORDS);
        LuceneEntitySearch search = new LuceneEntitySearch(index, new RecordsInMemory().apply(List.of(host(1, "h1"))),
                Clock.systemUTC());
        try {
            follower.start(() -> { });
            follower.committed(List.of(host(1, "h1"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
            follower.awaitApplied(1);
            assertThat(index.searchableSeq()).as("applying does not refresh").isZero();
            assertThat(ids(search)).containsExactly("h1");
            assertThat(index.searchableSeq()).isEqualTo(1);
            Object searcherBefore = index.withSearcher((searcher, fields, counter) -> searcher);
            assertThat(ids(search)).containsExactly("h1");
            assertThat(index.<Object>withSearcher((searcher, fields, counter) -> searcher)).isSameAs(searcherBefore);
        } finally {
            follower.close();
            index.close();
        }
    }

    private static List<String> ids(LuceneEntitySearch search) {
        return search.search(new SearchRequest("default", new Query.MatchAll(), SearchSort.newestFirst(), null, 0, 100, false))
                .hits().stream().map(SearchHit::id).toList();
    }

    private static CommittedChange host(long seq, String id) {
        return CommittedChange.upsert(seq, "default", id, "{\"@timestamp\":\"2024-06-15T10:00:00.000Z\",\"entity\":{\"id\":\"host:"
                + id + "\"},\"host\":{\"name\":\"" + id + "\"}}");
    }
}
