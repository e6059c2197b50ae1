package dev.entitystore.server.resolution;

/** {@link ResolutionRulesHttpSuite} on the embedded store. */
class ResolutionRulesHttpTest extends ResolutionRulesHttpSuite {
}
