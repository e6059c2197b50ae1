package dev.entitystore.server.relationship;

/** {@link RelationshipsHttpSuite} on the embedded store. */
class RelationshipsHttpTest extends RelationshipsHttpSuite {
}
