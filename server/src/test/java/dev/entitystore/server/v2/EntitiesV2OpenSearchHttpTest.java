package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link EntitiesV2HttpSuite} on OpenSearch. */
class EntitiesV2OpenSearchHttpTest extends EntitiesV2HttpSuite implements OnOpenSearch {
}
