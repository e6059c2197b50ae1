package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link EnginesV2HttpSuite} on OpenSearch. */
class EnginesV2OpenSearchHttpTest extends EnginesV2HttpSuite implements OnOpenSearch {
}
