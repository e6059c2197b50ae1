package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;

/** {@link ScheduledResolutionHttpSuite} on OpenSearch. */
class ScheduledResolutionOpenSearchHttpTest extends ScheduledResolutionHttpSuite implements OnOpenSearch {
}
