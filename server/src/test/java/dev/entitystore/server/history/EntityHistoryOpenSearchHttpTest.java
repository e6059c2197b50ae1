package dev.entitystore.server.history;

import dev.entitystore.server.OnOpenSearch;

/** {@link EntityHistoryHttpSuite} on OpenSearch. */
class EntityHistoryOpenSearchHttpTest extends EntityHistoryHttpSuite implements OnOpenSearch {
}
