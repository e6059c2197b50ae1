package dev.entitystore.store.opensearch;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait between optimistic attempts after a version conflict: random ("full jitter") up to a bound
 * that doubles per attempt, so writers that collided do not collide again in step.
 */
final class Backoff {
    /** Generous: 16 writers of one record need ~16 rounds; a writer gives up only under pathological contention. */
    static final int MAX_ATTEMPTS = 200;
    private static final long FIRST_BOUND_MICROS = 2_000;
    private static final long MAX_BOUND_MICROS = 100_000;

    private Backoff() {
    }

    /**
     * Waits before attempt {@code attempt} (the first retry is attempt 1).
     *
     * @param notApplied what to say was not applied if the wait is interrupted
     */
    static void pause(int attempt, String notApplied) {
        long bound = Math.min(MAX_BOUND_MICROS, FIRST_BOUND_MICROS << Math.min(attempt - 1, 16));
        long micros = ThreadLocalRandom.current().nextLong(bound + 1);
        try {
            Thread.sleep(micros / 1_000, (int) (micros % 1_000) * 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying: " + notApplied, e);
        }
    }

    static StoreUnavailableException gaveUp(String notApplied) {
        return new StoreUnavailableException("OpenSearch: concurrent writes to the same records won " + MAX_ATTEMPTS
                + " times in a row: " + notApplied, null);
    }
}
