package dev.entitystore.server.v1;

/** {@link EntitiesV1HttpSuite} on the embedded store. */
class EntitiesV1HttpTest extends EntitiesV1HttpSuite {
}
