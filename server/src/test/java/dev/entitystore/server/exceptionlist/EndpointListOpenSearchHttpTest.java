package dev.entitystore.server.exceptionlist;

import dev.entitystore.server.OnOpenSearch;

/** {@link EndpointListHttpSuite} on OpenSearch. */
class EndpointListOpenSearchHttpTest extends EndpointListHttpSuite implements OnOpenSearch {
}
