package dev.entitystore.server.v1;

import dev.entitystore.server.OnOpenSearch;

/** {@link ConcurrentUpsertsV1HttpSuite} on OpenSearch. */
class ConcurrentUpsertsV1OpenSearchHttpTest extends ConcurrentUpsertsV1HttpSuite implements OnOpenSearch {
}
