package dev.entitystore.server.history;

/** {@link HistoryRetentionHttpSuite} on the embedded store. */
class HistoryRetentionHttpTest extends HistoryRetentionHttpSuite {
}
