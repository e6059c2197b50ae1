package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;
import org.junit.jupiter.api.Disabled;

/** {@link ScheduledResolutionHttpSuite} on OpenSearch. */
@Disabled("Open bug: on OpenSearch a scheduled run linked nothing within 3 minutes in the full verify of 2026-12-07"
        + " (the same run through the maintainer route links; AutomatedResolutionOpenSearchHttpTest passes). Cause not found yet.")
class ScheduledResolutionOpenSearchHttpTest extends ScheduledResolutionHttpSuite implements OnOpenSearch {
}
