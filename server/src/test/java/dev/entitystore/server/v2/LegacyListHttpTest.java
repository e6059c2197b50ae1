package dev.entitystore.server.v2;

/** {@link LegacyListHttpSuite} on the embedded store. */
class LegacyListHttpTest extends LegacyListHttpSuite {
}
