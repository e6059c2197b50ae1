package dev.entitystore.server.history;

/** {@link ChangeFeedHttpSuite} on the embedded store. */
class ChangeFeedHttpTest extends ChangeFeedHttpSuite {
}
