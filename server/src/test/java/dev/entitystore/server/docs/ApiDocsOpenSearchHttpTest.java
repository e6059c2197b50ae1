package dev.entitystore.server.docs;

import dev.entitystore.server.OnOpenSearch;

/** {@link ApiDocsHttpSuite} on OpenSearch. */
class ApiDocsOpenSearchHttpTest extends ApiDocsHttpSuite implements OnOpenSearch {
}
