package dev.entitystore.domain.idempotency;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The port that keeps {@code Idempotency-Key}s durably (the embedded store's own SQLite file, an index of
 * the cluster), so that a retry after a restart still finds its first answer. The policy (the window,
 * when a held key may be taken over) is {@link IdempotentRequests}'; a store only keeps entries and
 * makes taking a key atomic. A failing backend throws
 * {@link dev.entitystore.domain.error.StoreUnavailableException}.
 */
public interface IdempotencyStore {
    /**
     * Takes {@code key} for a request being served, atomically: when nothing is stored under it, or what
     * is stored passes {@code replaceable}, a pending entry ({@link KeyedRequest#pending}) takes its place
     * and the answer is empty. Otherwise nothing changes and the answer is what holds the key. Of two
     * concurrent claims of one key, at most one gets an empty answer.
     */
    Optional<KeyedRequest> claim(IdempotencyKey key, KeyedRequest pending, Predicate<KeyedRequest> replaceable);

    /** Records the answer of the request that holds {@code key}, durably before returning. */
    void answer(IdempotencyKey key, KeyedRequest answered);

    /** Gives {@code key} back when its request was not answered with a success: removes it if still pending. */
    void release(IdempotencyKey key);

    /** Removes every entry taken before {@code startedBeforeMillis}; answers how many. */
    long prune(long startedBeforeMillis);
}
