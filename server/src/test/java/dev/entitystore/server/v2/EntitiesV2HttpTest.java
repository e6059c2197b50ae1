package dev.entitystore.server.v2;

/** {@link EntitiesV2HttpSuite} on the embedded store. */
class EntitiesV2HttpTest extends EntitiesV2HttpSuite {
}
