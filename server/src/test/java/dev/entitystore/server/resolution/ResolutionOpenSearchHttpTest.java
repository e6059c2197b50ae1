package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;

/** {@link ResolutionHttpSuite} on OpenSearch. */
class ResolutionOpenSearchHttpTest extends ResolutionHttpSuite implements OnOpenSearch {
}
