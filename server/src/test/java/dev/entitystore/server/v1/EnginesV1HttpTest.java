package dev.entitystore.server.v1;

/** {@link EnginesV1HttpSuite} on the embedded store. */
class EnginesV1HttpTest extends EnginesV1HttpSuite {
}
