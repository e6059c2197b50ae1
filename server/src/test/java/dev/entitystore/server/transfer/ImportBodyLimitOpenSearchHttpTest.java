package dev.entitystore.server.transfer;

import dev.entitystore.server.OnOpenSearch;

/** {@link ImportBodyLimitHttpSuite} on OpenSearch. */
class ImportBodyLimitOpenSearchHttpTest extends ImportBodyLimitHttpSuite implements OnOpenSearch {
}
