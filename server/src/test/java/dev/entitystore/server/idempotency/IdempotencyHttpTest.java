package dev.entitystore.server.idempotency;

/** {@link IdempotencyHttpSuite} on the embedded store. */
class IdempotencyHttpTest extends IdempotencyHttpSuite {
}
