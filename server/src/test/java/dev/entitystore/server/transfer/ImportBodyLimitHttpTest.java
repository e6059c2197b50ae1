package dev.entitystore.server.transfer;

/** {@link ImportBodyLimitHttpSuite} on the embedded store. */
class ImportBodyLimitHttpTest extends ImportBodyLimitHttpSuite {
}
