package dev.entitystore.domain.resolution.automation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a scheduled run of the automated resolution gives way to: while {@code busy} answers true (an import
 * job runs on this server), the run waits before its next page of records and goes on from there once it
 * answers false. Both share the store's writer and the machine's cores; a run is idempotent and daily, so a
 * late one loses nothing, while an import of 1M lines is what its caller waits for.
 */
public final class GiveWay {
    /** The on-demand run's: someone asked for it, so it never waits. */
    public static final GiveWay NEVER = new GiveWay(() -> false, Duration.ofSeconds(1));

    private final BooleanSupplier busy;
    private final Duration poll;

    /**
     * @param busy whether the run should wait now
     * @param poll how often to ask again while it waits
     */
    public GiveWay(BooleanSupplier busy, Duration poll) {
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll must be positive: " + poll);
        }
        this.busy = busy;
        this.poll = poll;
    }

    /** Whether a run should wait now. */
    boolean busy() {
        return busy.getAsBoolean();
    }

    /** Returns once {@code busy} answers false (at once if it does already). */
    void awaitTurn() throws InterruptedException {
        while (busy.getAsBoolean()) {
            Thread.sleep(poll.toMillis());
        }
    }
}
