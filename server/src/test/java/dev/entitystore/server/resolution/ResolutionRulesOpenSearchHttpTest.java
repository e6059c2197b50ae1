package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;

/** {@link ResolutionRulesHttpSuite} on OpenSearch. */
class ResolutionRulesOpenSearchHttpTest extends ResolutionRulesHttpSuite implements OnOpenSearch {
}
