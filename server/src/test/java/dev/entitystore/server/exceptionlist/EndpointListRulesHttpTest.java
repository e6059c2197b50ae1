package dev.entitystore.server.exceptionlist;

/** {@link EndpointListRulesHttpSuite} on the embedded store. */
class EndpointListRulesHttpTest extends EndpointListRulesHttpSuite {
}
