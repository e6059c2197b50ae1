package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link LegacyListHttpSuite} on OpenSearch. */
class LegacyListOpenSearchHttpTest extends LegacyListHttpSuite implements OnOpenSearch {
}
