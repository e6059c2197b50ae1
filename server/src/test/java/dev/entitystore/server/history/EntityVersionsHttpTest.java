package dev.entitystore.server.history;

/** {@link EntityVersionsHttpSuite} on the embedded store. */
class EntityVersionsHttpTest extends EntityVersionsHttpSuite {
}
