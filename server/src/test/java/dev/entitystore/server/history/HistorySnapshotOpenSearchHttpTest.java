package dev.entitystore.server.history;

import dev.entitystore.server.OnOpenSearch;

/** {@link HistorySnapshotHttpSuite} on OpenSearch. */
class HistorySnapshotOpenSearchHttpTest extends HistorySnapshotHttpSuite implements OnOpenSearch {
}
