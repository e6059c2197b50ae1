package dev.entitystore.domain.idempotency;

import dev.entitystore.domain.error.IdempotencyKeyReusedException;
import dev.entitystore.domain.error.IdempotentRequestInFlightException;
import dev.entitystore.domain.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Safe retries ({@code Idempotency-Key}): the first request with a key takes it and, when answered with a
 * success, records that answer; a retry with the same key and the same request within the window gets the
 * recorded answer and applies nothing. The same key with another request is refused (422), and so is a
 * retry while the first is still being served (409: answering it would mean guessing the first's outcome,
 * and waiting would hold a worker thread for as long as the first takes).
 */
public final class IdempotentRequests {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /**
     * A key held this long by a request that never answered is taken for abandoned (its server died
     * mid-request) and may be taken again: longer than any request is served (the client timeout bounds the
     * body; a bulk of 10,000 items takes seconds).
     */
    public static final Duration PENDING_LEASE = Duration.ofMinutes(5);
    public static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final long windowMillis;
    private final Clock clock;

    public IdempotentRequests(IdempotencyStore store, Duration window, Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the idempotency window must be positive: " + window);
        }
        this.store = store;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** What {@link #begin} decided: serve the request ({@link Held}) or give the first answer again ({@link Replay}). */
    public sealed interface Start permits Held, Replay {
    }

    /** The key is this request's now: serve it, then {@link #record} its answer or {@link #abandon} the key. */
    public record Held(IdempotencyKey key, KeyedRequest pending) implements Start {
    }

    /** A retry: answer {@code answer} and apply nothing. */
    public record Replay(RecordedAnswer answer) implements Start {
    }

    /** 400 unless {@code key} is 1 to 255 printable ASCII characters (a header value any client can send back). */
    public static void checkKey(String key) {
        boolean valid = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (!valid) {
            throw new InvalidRequestException("[request headers]: Idempotency-Key: expected 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters");
        }
    }

    /**
     * What makes two requests the same request: method, path (with its space prefix), query and the body's
     * exact bytes, as hex SHA-256.
     */
    public static String fingerprint(String method, String path, String query, byte[] body) {
        return Sha256.hex(method + '\n' + path + '\n' + (query == null ? "" : query) + '\n', body);
    }

    /**
     * Takes {@code key} for a request, or finds the answer to give again.
     *
     * @throws IdempotencyKeyReusedException       the key holds another request (422)
     * @throws IdempotentRequestInFlightException  the key's first request is still being served (409)
     */
    public Start begin(IdempotencyKey key, String fingerprint) {
        long now = clock.millis();
        KeyedRequest pending = KeyedRequest.pending(fingerprint, now);
        Optional<KeyedRequest> holder = store.claim(key, pending, held -> expired(held, now));
        if (holder.isEmpty()) {
            return new Held(key, pending);
        }
        KeyedRequest held = holder.get();
        if (!held.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key.key());
        }
        return held.answer().<Start>map(Replay::new)
                .orElseThrow(() -> new IdempotentRequestInFlightException(key.key()));
    }

    /** Records a held key's successful answer, durably, before the answer goes out. */
    public void record(Held held, RecordedAnswer answer) {
        store.answer(held.key(), new KeyedRequest(held.pending().fingerprint(), held.pending().startedMillis(),
                Optional.of(answer)));
    }

    /**
     * Lets go of a held key whose answer the store recorded with the request's write ({@link KeyedWrite}): the
     * pending entry goes, the answer stored with the write holds the key from now on.
     */
    public void recordedWithWrite(Held held) {
        store.release(held.key());
    }

    /** Gives a held key back: its request failed, nothing was applied, and a retry should run again. */
    public void abandon(Held held) {
        store.release(held.key());
    }

    /** Removes the keys whose window has passed; answers how many. */
    public long prune() {
        return store.prune(clock.millis() - windowMillis);
    }

    private boolean expired(KeyedRequest held, long now) {
        long age = now - held.startedMillis();
        return age > windowMillis || (held.answer().isEmpty() && age >= PENDING_LEASE.toMillis());
    }
}
