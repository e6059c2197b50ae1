package dev.entitystore.domain.idempotency;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request with a held {@code Idempotency-Key}, so that a store able to record the request's answer in its
 * write's own transaction does (the embedded store): then a crash leaves either both or neither. The server
 * binds it to the thread serving the request ({@link #bind}); the use case names what the outcome of its store
 * write means ({@link #expect}), the route how that result is answered ({@link #answerWith}); the store takes
 * both with the write ({@link #take}), renders the answer from the outcome inside its transaction and, once
 * committed, marks it {@link #recorded}. A store that cannot (OpenSearch) never takes it, and the answer is
 * recorded after the write as before. Ambient like {@code WriteContext}: the use cases' and the store port's
 * signatures stay those every other caller uses.
 */
public final class KeyedWrite {
    private static final Logger LOG = LoggerFactory.getLogger(KeyedWrite.class);
    private static final ThreadLocal<KeyedWrite> CURRENT = new ThreadLocal<>();

    private final IdempotencyKey key;
    private final KeyedRequest pending;
    /** How the server turns what the route answers into its record (the route's answer is HTTP, the domain's is not). */
    private final Function<Object, RecordedAnswer> recordOf;
    private Function<Object, Optional<?>> resultOf;
    private Function<Object, ?> answerOf;
    private volatile RecordedAnswer recorded;

    public KeyedWrite(IdempotencyKey key, KeyedRequest pending, Function<Object, RecordedAnswer> recordOf) {
        this.key = Objects.requireNonNull(key, "key");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.recordOf = Objects.requireNonNull(recordOf, "recordOf");
    }

    /** Binds {@code write} to this thread until the returned scope is closed. */
    public static Scope bind(KeyedWrite write) {
        KeyedWrite previous = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(write, "write"));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * The use case, just before its store write: what that write's outcome means, its result when the request
     * succeeds, empty when it does not (nothing to record). Does nothing outside a keyed request.
     */
    public static <O> void expect(Class<O> outcomeType, Function<? super O, Optional<?>> resultOf) {
        KeyedWrite write = CURRENT.get();
        if (write != null) {
            write.resultOf = outcome -> outcomeType.isInstance(outcome)
                    ? resultOf.apply(outcomeType.cast(outcome)) : Optional.empty();
        }
    }

    /** The route, before it calls the use case: how the use case's result is answered. */
    @SuppressWarnings("unchecked")
    public static <R> void answerWith(Function<R, ?> answerOf) {
        KeyedWrite write = CURRENT.get();
        if (write != null) {
            write.answerOf = result -> answerOf.apply((R) result);
        }
    }

    /**
     * The store, on the caller's thread, as it takes a write: the answer to record with it, when this thread
     * serves a keyed request whose use case expects this write. Taken once: a later write of the request
     * records nothing of its own.
     */
    public static Optional<Recording> take() {
        KeyedWrite write = CURRENT.get();
        if (write == null || write.resultOf == null || write.answerOf == null) {
            return Optional.empty();
        }
        Recording recording = write.new Recording(write.resultOf, write.answerOf);
        write.resultOf = null;
        return Optional.of(recording);
    }

    /** The answer the store recorded with the write, once that write committed. */
    public Optional<RecordedAnswer> recorded() {
        return Optional.ofNullable(recorded);
    }

    /** Undoes a {@link #bind}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** One write's answer to record: rendered by the store inside the transaction, marked once it committed. */
    public final class Recording {
        private final Function<Object, Optional<?>> resultOf;
        private final Function<Object, ?> answerOf;
        private RecordedAnswer rendered;

        private Recording(Function<Object, Optional<?>> resultOf, Function<Object, ?> answerOf) {
            this.resultOf = resultOf;
            this.answerOf = answerOf;
        }

        public IdempotencyKey key() {
            return key;
        }

        /**
         * The entry to store with the write whose outcome is {@code outcome} (on the store's writer thread), or
         * empty when the request will not succeed. A renderer that fails records nothing here (logged): the
         * answer is then recorded after the write, as on a store without this.
         */
        public Optional<KeyedRequest> answered(Object outcome) {
            rendered = null;
            try {
                rendered = resultOf.apply(outcome).map(result -> recordOf.apply(answerOf.apply(result))).orElse(null);
            } catch (RuntimeException e) {
                LOG.warn("the answer of Idempotency-Key request could not be rendered with its write; it is recorded after it", e);
            }
            return rendered == null ? Optional.empty()
                    : Optional.of(new KeyedRequest(pending.fingerprint(), pending.startedMillis(), Optional.of(rendered)));
        }

        /** The store, on the caller's thread, once the write and what {@link #answered} gave committed together. */
        public void committed() {
            recorded = rendered;
        }
    }
}
