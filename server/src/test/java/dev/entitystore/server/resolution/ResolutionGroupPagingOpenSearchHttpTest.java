package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;

/** {@link ResolutionGroupPagingHttpSuite} on OpenSearch. */
class ResolutionGroupPagingOpenSearchHttpTest extends ResolutionGroupPagingHttpSuite implements OnOpenSearch {
}
