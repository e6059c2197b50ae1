package dev.entitystore.server.v1;

import dev.entitystore.server.OnOpenSearch;

/** {@link EntitiesV1HttpSuite} on OpenSearch. */
class EntitiesV1OpenSearchHttpTest extends EntitiesV1HttpSuite implements OnOpenSearch {
}
