package dev.entitystore.server.history;

/** {@link HistorySnapshotHttpSuite} on the embedded store. */
class HistorySnapshotHttpTest extends HistorySnapshotHttpSuite {
}
