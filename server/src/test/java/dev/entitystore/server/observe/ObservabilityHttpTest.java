package dev.entitystore.server.observe;

/** {@link ObservabilityHttpSuite} on the embedded store. */
class ObservabilityHttpTest extends ObservabilityHttpSuite {
}
