package dev.entitystore.server.exceptionlist;

/** {@link EndpointListHttpSuite} on the embedded store. */
class EndpointListHttpTest extends EndpointListHttpSuite {
}
