package dev.entitystore.server.v2;

/** {@link ConcurrentUpdatesHttpSuite} on the embedded store. */
class ConcurrentUpdatesHttpTest extends ConcurrentUpdatesHttpSuite {
}
