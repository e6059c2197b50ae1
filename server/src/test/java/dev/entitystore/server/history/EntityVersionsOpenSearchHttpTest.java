package dev.entitystore.server.history;

import dev.entitystore.server.OnOpenSearch;

/** {@link EntityVersionsHttpSuite} on OpenSearch. */
class EntityVersionsOpenSearchHttpTest extends EntityVersionsHttpSuite implements OnOpenSearch {
}
