package dev.entitystore.server.v1;

import dev.entitystore.server.OnOpenSearch;

/** {@link EnginesV1HttpSuite} on OpenSearch. */
class EnginesV1OpenSearchHttpTest extends EnginesV1HttpSuite implements OnOpenSearch {
}
