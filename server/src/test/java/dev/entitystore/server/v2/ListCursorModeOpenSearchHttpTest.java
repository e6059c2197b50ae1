package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link ListCursorModeHttpSuite} on OpenSearch. */
class ListCursorModeOpenSearchHttpTest extends ListCursorModeHttpSuite implements OnOpenSearch {
}
