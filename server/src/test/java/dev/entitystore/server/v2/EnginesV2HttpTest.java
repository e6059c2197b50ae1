package dev.entitystore.server.v2;

/** {@link EnginesV2HttpSuite} on the embedded store. */
class EnginesV2HttpTest extends EnginesV2HttpSuite {
}
