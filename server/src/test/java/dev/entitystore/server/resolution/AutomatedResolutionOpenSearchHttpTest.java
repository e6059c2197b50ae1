package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;

/** {@link AutomatedResolutionHttpSuite} on OpenSearch. */
class AutomatedResolutionOpenSearchHttpTest extends AutomatedResolutionHttpSuite implements OnOpenSearch {
}
