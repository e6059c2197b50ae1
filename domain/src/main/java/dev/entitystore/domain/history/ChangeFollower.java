package dev.entitystore.domain.history;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.ChangesPrunedException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.StoreBusyException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Follows a space's change feed: every change in store order from a cursor on, at once or waiting up to a
 * bound for the next one (long poll), or as a stream. The cursor is the seq of the last change a follower
 * saw (as a decimal string); from {@value #START} (OpenSearch numbers from 0) the feed holds every recorded
 * change, so replaying it rebuilds the space's current records. Waiting is reading the log again: when the
 * store commits past what it had (a store that knows its commits, {@link EntityHistory#committedSeq}), else
 * on a timer, which works the same over a cluster written by several servers. Once retention has pruned changes after a cursor, a read from it fails
 * ({@link ChangesPrunedException}) rather than skip them.
 */
public final class ChangeFollower implements AutoCloseable {
    public static final int DEFAULT_SIZE = 100;
    /** The cursor before the first change of either store. */
    public static final long START = -1;
    /** How long a waiting follower sleeps between two reads of a log whose store gives no commit signal. */
    static final long POLL_MILLIS = 100;
    /** How often a waiting follower looks at the store's committed seq, where the store knows it ({@link EntityHistory#committedSeq}). */
    static final long WAKE_MILLIS = 5;

    private final EntityHistory history;
    /** Waiting followers hold a server thread each: past this many, a poll answers at once and a stream is refused. */
    private final Semaphore waiting;
    private volatile boolean closed;

    public ChangeFollower(EntityHistory history, int maxWaiting) {
        this.history = history;
        this.waiting = new Semaphore(maxWaiting);
    }

    /**
     * A request of the feed, validated.
     *
     * @param since the cursor to read after
     */
    public record Request(String space, long since, int size, Set<String> entityTypes) {
        public Request {
            entityTypes = Set.copyOf(entityTypes);
        }

        /** The same request from another cursor. */
        public Request after(long cursor) {
            return new Request(space, cursor, size, entityTypes);
        }
    }

    /**
     * Reads and checks the parameters.
     *
     * @param since       the cursor ({@code next} of a previous answer), or null from the start
     * @param lastEventId a stream's {@code Last-Event-ID}: when present, where a reconnecting stream goes on from
     * @param entityTypes repeated or comma-separated entity type names; null or empty for all
     */
    public Request request(String space, String since, String lastEventId, Integer size, List<String> entityTypes) {
        long cursor = lastEventId != null && !lastEventId.isBlank() ? cursor("Last-Event-ID", lastEventId)
                : since == null ? START : cursor("since", since);
        return new Request(space, cursor, size == null ? DEFAULT_SIZE : size, types(entityTypes));
    }

    /**
     * The changes after the request's cursor; when there are none, waits for one up to {@code waitSeconds}
     * (0: answers at once). An empty answer still moves the cursor past changes of other spaces and types.
     *
     * @throws ChangesPrunedException when retention removed changes after the cursor
     */
    public FeedPage poll(Request request, int waitSeconds) {
        FeedPage page = read(request);
        if (!page.isEmpty() || waitSeconds <= 0 || !waiting.tryAcquire()) {
            return page;
        }
        try {
            return waitFor(request.after(page.through()), TimeUnit.SECONDS.toMillis(waitSeconds));
        } finally {
            waiting.release();
        }
    }

    /**
     * Takes a waiting place for a stream of the feed ({@link Subscription#run}).
     *
     * @throws StoreBusyException     when too many followers already wait
     * @throws ChangesPrunedException when retention removed changes after the cursor (checked before the stream opens)
     */
    public Subscription subscribe(Request request) {
        requireKept(request.space(), request.since());
        if (!waiting.tryAcquire()) {
            throw new StoreBusyException("Too many followers of the change feed are waiting; retry later", 1);
        }
        return new Subscription(request);
    }

    /** A stream of the feed holding its waiting place until it ends. */
    public final class Subscription {
        private final Request request;

        private Subscription(Request request) {
            this.request = request;
        }

        public String space() {
            return request.space();
        }

        /**
         * Hands every change after the request's cursor to {@code sink}, in order, until the sink throws,
         * the follower closes or the thread is interrupted; after {@code idleMillis} without a change the
         * sink is told so (a stream's keep-alive, which also finds a client gone). Gives the place back.
         *
         * @throws ChangesPrunedException when retention removes changes after the stream's cursor before they were sent
         */
        public void run(long idleMillis, Sink sink) throws Exception {
            try {
                long cursor = request.since();
                while (!closed && !Thread.currentThread().isInterrupted()) {
                    FeedPage page = waitFor(request.after(cursor), idleMillis);
                    for (FeedChange change : page.entries()) {
                        sink.change(change);
                    }
                    cursor = page.through();
                    if (page.isEmpty()) {
                        sink.idle();
                    } else {
                        sink.flush();
                    }
                }
            } finally {
                waiting.release();
            }
        }
    }

    /** Where {@link Subscription#run} hands the changes. */
    public interface Sink {
        void change(FeedChange change) throws Exception;

        /** After a batch of changes. */
        void flush() throws Exception;

        /** After {@code idleMillis} without a change. */
        void idle() throws Exception;
    }

    /** Wakes every waiting follower: each answers what it has (a server stopping does not wait for them). */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * The changes after the cursor, checked against retention after the read: a prune marks what it removes
     * before (or as) it removes it, so a change this read missed because it was pruned is marked by now.
     */
    private FeedPage read(Request request) {
        FeedPage page = history.since(request.space(), request.since(), request.size(), request.entityTypes());
        requireKept(request.space(), request.since());
        return page;
    }

    private void requireKept(String space, long cursor) {
        long pruned = history.prunedThrough(space);
        if (cursor < pruned) {
            throw new ChangesPrunedException(cursor == START ? null : Long.toString(cursor), pruned);
        }
    }

    private FeedPage waitFor(Request request, long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        Request next = request;
        while (true) {
            long known = history.committedSeq();
            FeedPage page = read(next);
            long left = deadline - System.nanoTime();
            if (!page.isEmpty() || left <= 0 || closed) {
                return page;
            }
            next = next.after(page.through());
            try {
                pause(known, left + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            }
        }
    }

    /**
     * Until the store commits past {@code known} (the seq it had committed before the read that found
     * nothing), looked at every {@value #WAKE_MILLIS} ms, for {@code nanos} at most: a commit is read within a
     * few milliseconds, and the log is not read while nothing is committed. A store that cannot tell is read
     * again after {@value #POLL_MILLIS} ms.
     */
    private void pause(long known, long nanos) throws InterruptedException {
        if (known == EntityHistory.UNKNOWN_SEQ) {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
            return;
        }
        long until = System.nanoTime() + nanos;
        while (history.committedSeq() <= known && !closed) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(WAKE_MILLIS)));
        }
    }

    private static long cursor(String name, String value) {
        try {
            long seq = Long.parseLong(value.strip());
            if (seq >= START) {
                return seq;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        String where = name.equals("since") ? "[request query]: since" : "[request headers]: " + name;
        throw new InvalidRequestException(where + ": expected the next cursor of a previous answer, got '" + value + "'");
    }

    private static Set<String> types(List<String> names) {
        Set<String> types = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names.stream().flatMap(n -> Arrays.stream(n.split(","))).map(String::strip)
                    .filter(n -> !n.isEmpty()).toList()) {
                if (EntityType.fromWireName(name).isEmpty()) {
                    throw new InvalidRequestException("[request query]: entity_types: expected one of user, host, service,"
                            + " generic, got '" + name + "'");
                }
                types.add(name);
            }
        }
        return types;
    }
}
