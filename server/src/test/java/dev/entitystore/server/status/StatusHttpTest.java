package dev.entitystore.server.status;

/** {@link StatusHttpSuite} on the embedded store. */
class StatusHttpTest extends StatusHttpSuite {
}
