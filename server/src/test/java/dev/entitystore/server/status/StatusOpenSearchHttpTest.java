package dev.entitystore.server.status;

import dev.entitystore.server.OnOpenSearch;

/** {@link StatusHttpSuite} on OpenSearch. */
class StatusOpenSearchHttpTest extends StatusHttpSuite implements OnOpenSearch {
}
