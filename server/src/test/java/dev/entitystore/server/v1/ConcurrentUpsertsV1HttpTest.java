package dev.entitystore.server.v1;

/** {@link ConcurrentUpsertsV1HttpSuite} on the embedded store. */
class ConcurrentUpsertsV1HttpTest extends ConcurrentUpsertsV1HttpSuite {
}
