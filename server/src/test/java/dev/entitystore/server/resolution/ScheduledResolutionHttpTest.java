package dev.entitystore.server.resolution;

/** {@link ScheduledResolutionHttpSuite} on the embedded store. */
class ScheduledResolutionHttpTest extends ScheduledResolutionHttpSuite {
}
