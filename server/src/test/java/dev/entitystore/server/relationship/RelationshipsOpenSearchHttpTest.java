package dev.entitystore.server.relationship;

import dev.entitystore.server.OnOpenSearch;

/** {@link RelationshipsHttpSuite} on OpenSearch. */
class RelationshipsOpenSearchHttpTest extends RelationshipsHttpSuite implements OnOpenSearch {
}
