package dev.entitystore.server.resolution;

/** {@link AutomatedResolutionHttpSuite} on the embedded store. */
class AutomatedResolutionHttpTest extends AutomatedResolutionHttpSuite {
}
