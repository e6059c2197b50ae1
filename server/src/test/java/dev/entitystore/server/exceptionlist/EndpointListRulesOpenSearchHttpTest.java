package dev.entitystore.server.exceptionlist;

import dev.entitystore.server.OnOpenSearch;

/** {@link EndpointListRulesHttpSuite} on OpenSearch. */
class EndpointListRulesOpenSearchHttpTest extends EndpointListRulesHttpSuite implements OnOpenSearch {
}
