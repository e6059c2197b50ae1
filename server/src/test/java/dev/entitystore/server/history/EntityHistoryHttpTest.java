package dev.entitystore.server.history;

/** {@link EntityHistoryHttpSuite} on the embedded store. */
class EntityHistoryHttpTest extends EntityHistoryHttpSuite {
}
