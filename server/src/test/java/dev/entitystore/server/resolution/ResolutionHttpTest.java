package dev.entitystore.server.resolution;

/** {@link ResolutionHttpSuite} on the embedded store. */
class ResolutionHttpTest extends ResolutionHttpSuite {
}
