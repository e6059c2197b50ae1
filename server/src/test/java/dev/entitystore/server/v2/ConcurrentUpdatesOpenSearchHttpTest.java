package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link ConcurrentUpdatesHttpSuite} on OpenSearch. */
class ConcurrentUpdatesOpenSearchHttpTest extends ConcurrentUpdatesHttpSuite implements OnOpenSearch {
}
