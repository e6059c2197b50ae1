package dev.entitystore.server.history;

import dev.entitystore.server.OnOpenSearch;

/** {@link HistoryRetentionHttpSuite} on OpenSearch. */
class HistoryRetentionOpenSearchHttpTest extends HistoryRetentionHttpSuite implements OnOpenSearch {
}
