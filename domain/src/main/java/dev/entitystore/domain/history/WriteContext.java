package dev.entitystore.domain.history;

import java.util.Objects;

/**
 * Who is writing and through which route, for the change record of every write. The server binds it to
 * the thread serving a request ({@link #bind}); a store reads it on the caller's thread when a write is
 * submitted ({@link #current}). Why ambient rather than a parameter: every write path, including those
 * other features add, calls the store's unchanged methods and is still recorded with its request's actor
 * and route; a write made outside any request (start-up, a background task) is recorded as {@link #INTERNAL}.
 *
 * @param actorType {@code api_key}, {@code user}, {@code anonymous} or {@code internal}
 * @param actorId   the credential's id; {@code null} for anonymous and internal writes
 * @param route     the route template, e.g. {@code PUT /api/security/entity_store/entities/{entityType}}
 */
public record WriteContext(String actorType, String actorId, String route) {
    /** A write made by the server itself, outside any request. */
    public static final WriteContext INTERNAL = new WriteContext("internal", null, "internal");

    private static final ThreadLocal<WriteContext> CURRENT = new ThreadLocal<>();

    public WriteContext {
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(route, "route");
    }

    /** The context bound to this thread, or {@link #INTERNAL}. */
    public static WriteContext current() {
        WriteContext context = CURRENT.get();
        return context == null ? INTERNAL : context;
    }

    /** Binds {@code context} to this thread until the returned scope is closed (then the previous one is back). */
    public static Scope bind(WriteContext context) {
        WriteContext previous = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(context, "context"));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Undoes a {@link #bind}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
