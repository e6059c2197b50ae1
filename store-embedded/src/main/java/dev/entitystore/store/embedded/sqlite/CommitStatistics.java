package dev.entitystore.store.embedded.sqlite;

/**
 * Told of every group commit, for metrics: how many requests and records shared it, and how long the
 * commit itself took (with {@code synchronous=FULL}, mostly the WAL's fsync). Called on the writer
 * thread: it must be quick and must not throw.
 */
@FunctionalInterface
public interface CommitStatistics {
    CommitStatistics NONE = (requests, records, commitNanos) -> { };

    void committed(int requests, int records, long commitNanos);
}
