package dev.entitystore.server.transfer;

/** {@link EntityTransferHttpSuite} on the embedded store. */
class EntityTransferHttpTest extends EntityTransferHttpSuite {
}
