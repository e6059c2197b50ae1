package dev.entitystore.server.history;

import dev.entitystore.server.OnOpenSearch;

/** {@link ChangeFeedHttpSuite} on OpenSearch. */
class ChangeFeedOpenSearchHttpTest extends ChangeFeedHttpSuite implements OnOpenSearch {
}
