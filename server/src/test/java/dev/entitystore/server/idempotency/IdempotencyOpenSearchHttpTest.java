package dev.entitystore.server.idempotency;

import dev.entitystore.server.OnOpenSearch;

/** {@link IdempotencyHttpSuite} on OpenSearch. */
class IdempotencyOpenSearchHttpTest extends IdempotencyHttpSuite implements OnOpenSearch {
}
