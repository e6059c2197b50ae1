package dev.entitystore.server.v2;

/** {@link ListCursorModeHttpSuite} on the embedded store. */
class ListCursorModeHttpTest extends ListCursorModeHttpSuite {
}
