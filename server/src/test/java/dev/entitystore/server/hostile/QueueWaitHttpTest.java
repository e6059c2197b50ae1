package dev.entitystore.server.hostile;

/** {@link QueueWaitHttpSuite} on the embedded store. */
class QueueWaitHttpTest extends QueueWaitHttpSuite {
}
