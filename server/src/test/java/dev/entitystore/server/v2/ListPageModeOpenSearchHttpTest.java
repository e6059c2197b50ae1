package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link ListPageModeHttpSuite} on OpenSearch. */
class ListPageModeOpenSearchHttpTest extends ListPageModeHttpSuite implements OnOpenSearch {
}
