package dev.entitystore.server.v2;

/** {@link ListPageModeHttpSuite} on the embedded store. */
class ListPageModeHttpTest extends ListPageModeHttpSuite {
}
