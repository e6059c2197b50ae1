package dev.entitystore.server.observe;

import dev.entitystore.server.OnOpenSearch;

/** {@link ObservabilityHttpSuite} on OpenSearch. */
class ObservabilityOpenSearchHttpTest extends ObservabilityHttpSuite implements OnOpenSearch {
}
