package dev.entitystore.store.opensearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Searches share a refresh only if it was sent after they arrived: a write answered before a search must be
 * published by the refresh it waits for. The refreshes here are held open by the test, so each ordering is
 * made to happen rather than hoped for.
 */
@Timeout(30)
class RefreshRoundsTest {
    /** A refresh that records when each call starts and ends, and holds each call until the test lets it go. */
    private static final class HeldRefresh implements Predicate<String> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<CountDownLatch> started = new ArrayList<>();
        final List<CountDownLatch> release = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failSecond;

        HeldRefresh() {
            for (int i = 0; i < 10; i++) {
                started.add(new CountDownLatch(1));
                release.add(new CountDownLatch(1));
            }
        }

        @Override
        public boolean test(String index) {
            int call = calls.incrementAndGet();
            events.add("start " + call + " " + index);
            started.get(call).countDown();
            try {
                assertTrue(release.get(call).await(20, TimeUnit.SECONDS), "refresh " + call + " was never let go");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            events.add("end " + call + " " + index);
            if (call == 2 && failSecond != null) {
                throw failSecond;
            }
            return !index.equals("missing");
        }

        void awaitStart(int call) throws InterruptedException {
            assertTrue(started.get(call).await(20, TimeUnit.SECONDS), "refresh " + call + " never started");
        }
    }

    private final HeldRefresh node = new HeldRefresh();
    private final RefreshRounds rounds = new RefreshRounds(node);

    @Test
    void aSearchNeverRidesARefreshThatBeganBeforeIt() throws Exception {
        Future<Boolean> first = search("entities", "first returned").answer();
        node.awaitStart(1);
        Search second = search("entities", "second returned");
        awaitWaiting(List.of(second));

        node.release.get(1).countDown();
        assertTrue(first.get(20, TimeUnit.SECONDS));
        // The first refresh may have been sent before a write the second search must see: it waits for another.
        node.awaitStart(2);
        assertThrows(TimeoutException.class, () -> second.answer().get(200, TimeUnit.MILLISECONDS));
        node.release.get(2).countDown();
        assertTrue(second.answer().get(20, TimeUnit.SECONDS));

        assertEquals(2, node.calls.get());
        assertTrue(node.events.indexOf("second returned") > node.events.indexOf("start 2 entities"), node.events.toString());
    }

    @Test
    void searchesArrivingDuringARefreshShareTheNextOne() throws Exception {
        Future<Boolean> first = search("entities", "first returned").answer();
        node.awaitStart(1);
        List<Search> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(search("entities", "search " + i + " returned"));
        }
        awaitWaiting(waiting);

        node.release.get(1).countDown();
        node.awaitStart(2);
        node.release.get(2).countDown();
        assertTrue(first.get(20, TimeUnit.SECONDS));
        for (Search search : waiting) {
            assertTrue(search.answer().get(20, TimeUnit.SECONDS));
        }
        assertEquals(2, node.calls.get(), "six searches, two refreshes: " + node.events);
    }

    @Test
    void aFailedRefreshFailsEverySearchThatRodeItAndTheNextSearchTriesAgain() throws Exception {
        node.failSecond = new StoreUnavailableException("OpenSearch could not refresh entities", null);
        Future<Boolean> first = search("entities", "first returned").answer();
        node.awaitStart(1);
        List<Search> riders = List.of(search("entities", "rider 1 returned"), search("entities", "rider 2 returned"));
        awaitWaiting(riders);
        node.release.get(1).countDown();
        node.release.get(2).countDown();
        assertTrue(first.get(20, TimeUnit.SECONDS));
        for (Search rider : riders) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> rider.answer().get(20, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof StoreUnavailableException, failed.toString());
        }

        node.release.get(3).countDown();
        assertTrue(rounds.refresh("entities"));
        assertEquals(3, node.calls.get());
    }

    @Test
    void otherIndicesDoNotWaitAndAMissingIndexIsAnAnswer() throws Exception {
        Future<Boolean> held = search("entities", "held returned").answer();
        node.awaitStart(1);
        node.release.get(2).countDown();
        assertFalse(rounds.refresh("missing"));
        assertFalse(held.isDone());
        node.release.get(1).countDown();
        assertTrue(held.get(20, TimeUnit.SECONDS));
    }

    /** A search on a thread of its own, so that the test can see it parked in the rounds. */
    private record Search(Thread thread, CompletableFuture<Boolean> answer) {
    }

    private Search search(String index, String returned) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                boolean found = rounds.refresh(index);
                node.events.add(returned);
                answer.complete(found);
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        thread.start();
        return new Search(thread, answer);
    }

    /** Until every search has called the rounds and is parked in them (arrived while refresh 1 is in flight). */
    private static void awaitWaiting(List<Search> searches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Search search : searches) {
            while (search.thread().getState() != Thread.State.WAITING) {
                assertTrue(System.nanoTime() < deadline, "a search never waited: " + search.thread().getState());
                Thread.sleep(5);
            }
        }
    }
}
