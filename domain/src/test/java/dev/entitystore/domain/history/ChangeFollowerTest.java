package dev.entitystore.domain.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ChangesPrunedException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.StoreBusyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The feed's cursor and parameters, the long poll, the bound on waiting followers, closing, and pruned ranges. */
class ChangeFollowerTest {
    /** A log in memory: changes of two spaces, in seq order. */
    private final List<EntityChange> log = new CopyOnWriteArrayList<>();
    /** How many times the log was read. */
    private final AtomicInteger reads = new AtomicInteger();
    /** Per space, the newest seq pruned (as a store's prune marks it). */
    private final Map<String, Long> pruned = new ConcurrentHashMap<>();
    private final EntityHistory history = new EntityHistory() {
        @Override
        public HistoryPage changes(String space, String id, HistoryQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long prune(String space, long beforeMillis, int keepVersions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long prunedThrough(String space) {
            return pruned.getOrDefault(space, ChangeFollower.START);
        }

        @Override
        public FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes) {
            reads.incrementAndGet();
            List<EntityChange> found = new ArrayList<>();
            long through = afterSeq;
            for (EntityChange change : log) {
                if (change.seq() > afterSeq && found.size() < size) {
                    through = change.seq();
                    if (change.space().equals(space) && (entityTypes.isEmpty() || entityTypes.contains(change.entityType()))) {
                        found.add(change);
                    }
                }
            }
            return FeedPage.of(found, through);
        }
    };
    private final ChangeFollower follower = new ChangeFollower(history, 1);

    private void write(String space, String type) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.putObject("entity").put("id", type + ":x").putObject("EngineMetadata").put("Type", type);
        log.add(EntityChange.draft(ChangeOp.CREATE, space, "id", 1, 0, WriteContext.INTERNAL, record,
                JsonNodeFactory.instance.objectNode()).at(log.size() + 1));
    }

    @Test
    void theCursorStartsBeforeTheFirstChangeAndLastEventIdTakesThePlaceOfSince() {
        assertThat(follower.request("s", null, null, null, null).since()).isEqualTo(ChangeFollower.START);
        assertThat(follower.request("s", "7", null, null, null).since()).isEqualTo(7);
        assertThat(follower.request("s", "7", "9", null, null).since()).isEqualTo(9);
        assertThat(follower.request("s", null, null, null, null).size()).isEqualTo(ChangeFollower.DEFAULT_SIZE);
        assertThat(follower.request("s", null, null, 5, List.of("host,user", "generic")).entityTypes())
                .containsExactlyInAnyOrder("host", "user", "generic");
    }

    @Test
    void aBadCursorOrTypeIsAnInvalidRequest() {
        assertThatThrownBy(() -> follower.request("s", "x1", null, null, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("[request query]: since: expected the next cursor of a previous answer, got 'x1'");
        assertThatThrownBy(() -> follower.request("s", null, "-5", null, null))
                .hasMessage("[request headers]: Last-Event-ID: expected the next cursor of a previous answer, got '-5'");
        assertThatThrownBy(() -> follower.request("s", null, null, null, List.of("Host")))
                .hasMessage("[request query]: entity_types: expected one of user, host, service, generic, got 'Host'");
    }

    @Test
    void aPollAnswersTheSpacesChangesAndMovesTheCursorPastOthers() {
        write("a", "host");
        write("b", "host");
        write("a", "user");
        write("b", "user");
        FeedPage page = follower.poll(follower.request("a", null, null, null, null), 0);
        assertThat(page.changes()).extracting(EntityChange::seq).containsExactly(1L, 3L);
        assertThat(page.through()).isEqualTo(4);
        FeedPage users = follower.poll(follower.request("a", null, null, null, List.of("user")), 0);
        assertThat(users.changes()).extracting(EntityChange::seq).containsExactly(3L);
        FeedPage none = follower.poll(follower.request("a", "4", null, null, null), 0);
        assertThat(none.changes()).isEmpty();
        assertThat(none.through()).isEqualTo(4);
    }

    @Test
    void aLongPollAnswersTheNextChangeOfItsSpaceAndOtherwiseWaitsItsTime() throws Exception {
        CompletableFuture<FeedPage> waiting = CompletableFuture.supplyAsync(
                () -> follower.poll(follower.request("a", null, null, null, null), 10));
        Thread.sleep(300);
        write("b", "host");
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        write("a", "host");
        FeedPage page = waiting.get(5, TimeUnit.SECONDS);
        assertThat(page.changes()).extracting(EntityChange::seq).containsExactly(2L);

        long started = System.nanoTime();
        FeedPage empty = follower.poll(follower.request("a", "2", null, null, null), 1);
        assertThat(empty.changes()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    /** With the store's committed seq to look at, a waiting poll reads the log again only once it moves. */
    @Test
    void aWaitingPollOfAStoreThatKnowsItsCommitsReadsTheLogOnlyWhenOneCommits() throws Exception {
        AtomicLong committed = new AtomicLong();
        reads.set(0);
        ChangeFollower signalled = new ChangeFollower(new SignalledHistory(history, committed::get), 1);
        CompletableFuture<FeedPage> waiting = CompletableFuture.supplyAsync(
                () -> signalled.poll(signalled.request("a", null, null, null, null), 20));
        Thread.sleep(400);
        assertThat(reads.get()).as("one read, then no commit to read again for").isEqualTo(2);
        write("b", "host");
        committed.set(1);
        Thread.sleep(400);
        assertThat(reads.get()).as("the commit of another space's change: one read more").isEqualTo(3);
        assertThat(waiting).isNotDone();
        write("a", "host");
        committed.set(2);
        FeedPage page = waiting.get(5, TimeUnit.SECONDS);
        assertThat(page.changes()).extracting(EntityChange::seq).containsExactly(2L);
        assertThat(reads.get()).isEqualTo(4);
    }

    @Test
    void pastTheWaitingBoundAPollAnswersAtOnceAndAStreamIsRefused() throws Exception {
        ChangeFollower.Subscription held = follower.subscribe(follower.request("a", null, null, null, null));
        long started = System.nanoTime();
        assertThat(follower.poll(follower.request("a", null, null, null, null), 10).changes()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> follower.subscribe(follower.request("a", null, null, null, null)))
                .isInstanceOf(StoreBusyException.class);
        follower.close();
        held.run(10_000, new CountingSink());
        assertThat(follower.subscribe(follower.request("a", null, null, null, null))).isNotNull();
    }

    @Test
    void aStreamHandsEveryChangeInOrderUntilTheFollowerCloses() throws Exception {
        write("a", "host");
        CountingSink sink = new CountingSink();
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
            try {
                follower.subscribe(follower.request("a", null, null, null, null)).run(200, sink);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        write("a", "user");
        Thread.sleep(500);
        follower.close();
        streaming.get(5, TimeUnit.SECONDS);
        assertThat(sink.seqs).containsExactly(1L, 2L);
        assertThat(sink.idles).isPositive();
    }

    /** Removes the space's change of this seq from the log, marking it as a prune does. */
    private void prune(String space, long seq) {
        pruned.merge(space, seq, Math::max);
        log.removeIf(change -> change.seq() == seq);
    }

    @Test
    void aCursorBeforeAPrunedChangeIsRefusedNamingTheOldestCursorStillComplete() {
        write("a", "host");
        write("a", "host");
        write("a", "host");
        write("b", "host");
        prune("a", 2);

        assertThatThrownBy(() -> follower.poll(follower.request("a", "1", null, null, null), 0))
                .isInstanceOf(ChangesPrunedException.class)
                .hasMessage("Change feed cursor '1' is older than the history retention kept: changes through cursor '2'"
                        + " were pruned. Read the current records, then follow the feed from cursor '2'")
                .satisfies(e -> assertThat(((ChangesPrunedException) e).oldestCursor()).isEqualTo(2));
        assertThatThrownBy(() -> follower.poll(follower.request("a", null, null, null, null), 0))
                .isInstanceOf(ChangesPrunedException.class).hasMessageStartingWith("The change feed's start is older");
        assertThatThrownBy(() -> follower.subscribe(follower.request("a", null, "1", null, null)))
                .isInstanceOf(ChangesPrunedException.class);
        assertThat(follower.poll(follower.request("a", "2", null, null, null), 0).changes())
                .extracting(EntityChange::seq).containsExactly(3L);
        assertThat(follower.poll(follower.request("b", null, null, null, null), 0).changes())
                .extracting(EntityChange::seq).containsExactly(4L);
    }

    @Test
    void aStreamWhoseCursorFallsBehindAPruneEndsWithThePruneInsteadOfSkipping() throws Exception {
        write("a", "host");
        CountingSink sink = new CountingSink() {
            @Override
            public void flush() {
                write("a", "host");
                write("a", "host");
                prune("a", 2);
            }
        };
        ChangeFollower.Subscription subscription = follower.subscribe(follower.request("a", null, null, null, null));
        assertThatThrownBy(() -> subscription.run(200, sink)).isInstanceOf(ChangesPrunedException.class);
        assertThat(sink.seqs).containsExactly(1L);
        assertThat(follower.subscribe(follower.request("a", "2", null, null, null))).isNotNull();
    }

    private static class CountingSink implements ChangeFollower.Sink {
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        volatile int idles;

        @Override
        public void change(FeedChange change) {
            seqs.add(change.seq());
        }

        @Override
        public void flush() {
        }

        @Override
        public void idle() {
            idles++;
        }
    }
}
