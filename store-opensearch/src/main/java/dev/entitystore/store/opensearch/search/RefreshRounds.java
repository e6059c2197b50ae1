package dev.entitystore.store.opensearch.search;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Concurrent searches of one index share its {@code _refresh}: at most one refresh per index is in flight
 * from this server, and the searches that arrive while it runs share the next one.
 *
 * <p>Why that keeps visibility exact: a search must see every write answered before it arrived. A refresh
 * makes searchable every write acknowledged before the refresh was sent. A search therefore only rides a
 * round that is sent after it arrived: the round it starts itself, or the next round, which is not sent
 * before the round in flight has ended, and so after every search that joined it. A round already in flight
 * when a search arrives may have been sent before a write the search must see, so the search never rides it.
 *
 * <p>What it saves: under a steady stream of searches one index gets at most one refresh at a time from this
 * server (the node makes a segment per refresh that finds new writes), instead of one per search.
 */
final class RefreshRounds {
    private final Predicate<String> refresh;
    /** Per index, the round being sent, and the round the searches that arrived since wait for. */
    private final Map<String, CompletableFuture<Boolean>> running = new HashMap<>();
    private final Map<String, CompletableFuture<Boolean>> next = new HashMap<>();

    /** @param refresh sends one refresh of the index; false if it does not exist */
    RefreshRounds(Predicate<String> refresh) {
        this.refresh = refresh;
    }

    /**
     * Returns when a refresh of the index sent after this call began has ended.
     *
     * @return false if the index does not exist
     */
    boolean refresh(String index) {
        CompletableFuture<Boolean> round;
        CompletableFuture<Boolean> after = null; // the round in flight, which this search's round must follow
        boolean sends = true;
        synchronized (this) {
            CompletableFuture<Boolean> inFlight = running.get(index);
            if (inFlight == null) {
                round = new CompletableFuture<>();
                running.put(index, round);
            } else if (next.containsKey(index)) {
                round = next.get(index); // sent by the search that opened it
                sends = false;
            } else {
                round = new CompletableFuture<>();
                next.put(index, round);
                after = inFlight;
            }
        }
        if (!sends) {
            return outcome(round);
        }
        if (after != null) {
            // Sent once the round in flight has ended, whatever its outcome: never before a search that joined it.
            after.handle((answer, failure) -> null).join();
            synchronized (this) {
                next.remove(index, round);
                running.put(index, round);
            }
        }
        return send(index, round);
    }

    private boolean send(String index, CompletableFuture<Boolean> round) {
        try {
            round.complete(refresh.test(index));
        } catch (RuntimeException | Error e) {
            round.completeExceptionally(e);
        } finally {
            synchronized (this) {
                running.remove(index, round);
            }
        }
        return outcome(round);
    }

    private static boolean outcome(CompletableFuture<Boolean> round) {
        try {
            return round.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a refresh", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }
}
