package dev.entitystore.server.transfer;

import dev.entitystore.server.OnOpenSearch;

/** {@link EntityTransferHttpSuite} on OpenSearch. */
class EntityTransferOpenSearchHttpTest extends EntityTransferHttpSuite implements OnOpenSearch {
}
