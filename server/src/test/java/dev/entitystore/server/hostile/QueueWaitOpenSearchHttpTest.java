package dev.entitystore.server.hostile;

import dev.entitystore.server.OnOpenSearch;

/** {@link QueueWaitHttpSuite} on OpenSearch: the bound is the HTTP server's, whatever the backend. */
class QueueWaitOpenSearchHttpTest extends QueueWaitHttpSuite implements OnOpenSearch {
}
