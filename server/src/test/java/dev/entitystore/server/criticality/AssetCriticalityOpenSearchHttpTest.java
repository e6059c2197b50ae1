package dev.entitystore.server.criticality;

import dev.entitystore.server.OnOpenSearch;

/** {@link AssetCriticalityHttpSuite} on OpenSearch. */
class AssetCriticalityOpenSearchHttpTest extends AssetCriticalityHttpSuite implements OnOpenSearch {
}
